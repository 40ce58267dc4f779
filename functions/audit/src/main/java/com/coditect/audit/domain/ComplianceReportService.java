package com.coditect.audit.domain;

import com.coditect.audit.api.ComplianceReportResponse;
import com.coditect.audit.api.CreateComplianceReportRequest;
import com.coditect.audit.data.ComplianceReportItem;
import com.coditect.audit.data.ComplianceReportRepository;
import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.TooManyRequestsException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Compliance reports as the API and the schedule see them: a request writes the report
 * ({@code generating}) and its {@code compliance_report.requested} event in one transaction; the
 * generator ({@link ComplianceReportGenerator}) finishes it off the request path.
 */
@Singleton
public final class ComplianceReportService {

  /** How long a report's download link works. */
  public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  public static final String REQUESTED_EVENT = "compliance_report.requested";
  /** A year and a day: an annual report of a leap year fits, and a generation stays within its timeout. */
  static final long MAX_PERIOD_DAYS = 366;
  /**
   * How long a requested report keeps the tenant's next request waiting if its generator never
   * finishes it (a crash, a timeout). A generation runs at most 300 s (the function's timeout) and
   * Lambda retries a failed one twice; a quarter of an hour covers that, after which the tenant is
   * no longer blocked by a generation that died.
   */
  static final Duration IN_FLIGHT_LAPSES_AFTER = Duration.ofMinutes(15);
  /** Retry-After of a refused request: most reports are generated within seconds, a year's in a minute or so. */
  static final int RETRY_AFTER_SECONDS = 30;

  private final ComplianceReportRepository reports;
  private final DocumentsBucket downloads;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  ComplianceReportService(ComplianceReportRepository reports, DocumentsBucket downloads, Transactions transactions,
      Outbox outbox, Clock clock) {
    this.reports = reports;
    this.downloads = downloads;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Requests a report for the caller. The period must be in order, over (its last day not after
   * today, UTC: a report of days still to come would be incomplete for ever) and at most a year long.
   * While another report the tenant's users requested is generating, the request is refused with a
   * 429 (checked in the same transaction that writes the report, so two requests cannot both pass):
   * generations are heavy, and one tenant must not take the generator's capacity from the others.
   */
  public Created<ComplianceReportResponse> request(Caller caller, CreateComplianceReportRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    LocalDate start = request.periodStart();
    LocalDate end = request.periodEnd();
    if (end.isBefore(start)) {
      throw UnprocessableException.forField("period_end", "must not be before period_start");
    }
    if (end.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      throw UnprocessableException.forField("period_end", "must not be after today (UTC): the period must be over");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_PERIOD_DAYS) {
      throw UnprocessableException.forField("period_end", "the period may span at most " + MAX_PERIOD_DAYS + " days");
    }
    ComplianceReportItem report = newReport(tenant, request.reportType(), start, end, caller.userId());
    ComplianceReportResponse response = ComplianceReportResponse.of(report);
    WriteTransaction tx = write(tenant, caller.actor(), report, response);
    reports.claimInFlight(tx, tenant, report.id(), clock.instant(), clock.instant().plus(IN_FLIGHT_LAPSES_AFTER),
        () -> new TooManyRequestsException("A compliance report of this tenant is being generated; request the next "
            + "one once it is completed or failed.", RETRY_AFTER_SECONDS));
    Created<ComplianceReportResponse> created =
        Created.accepted("/v1/compliance-reports/" + report.id(), response, report.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * Requests the month's report of every framework for a tenant, on behalf of the platform, in one
   * transaction. A sentinel per framework and month makes a second request of the same month
   * (a re-fired schedule) write nothing. Returns false when the month was already requested.
   * These reports neither wait for nor take the tenant's report in flight: the schedule asks for
   * four at once, bounded by the monthly sentinels and the generator's reserved concurrency, and a
   * user's request is not refused because the platform's reports are generating.
   */
  public boolean requestMonthly(TenantId tenant, Actor actor, YearMonth month) {
    WriteTransaction tx = transactions.begin();
    for (ComplianceReportType type : ComplianceReportType.values()) {
      ComplianceReportItem report = newReport(tenant, type, month.atDay(1), month.atEndOfMonth(), null);
      write(tx, tenant, actor, report, ComplianceReportResponse.of(report));
      reports.claimMonthly(tx, tenant, type, month, report.id());
    }
    try {
      tx.commit();
      return true;
    } catch (ConflictException alreadyRequested) {
      // A sentinel is taken, or (TransactionConflict) another run is writing the same month now:
      // either way the month's reports exist or are being written by someone else.
      return false;
    }
  }

  public ResultPage<ComplianceReportResponse> list(Caller caller, Optional<ComplianceReportType> reportType,
      PageRequest page) {
    return reports.list(caller.tenantId(), reportType, page).map(ComplianceReportResponse::of);
  }

  public ComplianceReportResponse get(Caller caller, String reportId) {
    return ComplianceReportResponse.of(find(caller.tenantId(), reportId));
  }

  /**
   * A short-lived URL of a completed report's PDF. A report still generating, or failed, has no
   * file yet: 409 naming {@code status}, so a client can tell "not ready" from "no such report".
   */
  public URI fileUrl(Caller caller, String reportId) {
    ComplianceReportItem report = find(caller.tenantId(), reportId);
    if (report.status() != ComplianceReportStatus.COMPLETED || report.filePath() == null) {
      String status = report.status().apiName();
      throw new ConflictException("The report is " + status + "; its PDF exists once it is completed.",
          List.of(new FieldError("status", "is " + status + ", not completed")));
    }
    return downloads.presignGet(report.filePath(), DOWNLOAD_URL_LIFETIME).url();
  }

  private ComplianceReportItem find(TenantId tenant, String reportId) {
    return reports.find(tenant, reportId, false).orElseThrow(
        () -> NotFoundException.forField("report_id", "no such compliance report"));
  }

  private ComplianceReportItem newReport(TenantId tenant, ComplianceReportType type, LocalDate start, LocalDate end,
      String userId) {
    String reportId = Ids.newId();
    return ComplianceReportRepository.indexed(tenant, ComplianceReportItem.builder()
        .meta(ComplianceReportRepository.newMeta(tenant, reportId, Timestamps.now(clock)))
        .id(reportId)
        .reportType(type)
        .periodStart(start.toString())
        .periodEnd(end.toString())
        .status(ComplianceReportStatus.GENERATING)
        .generatedBy(userId)
        .build());
  }

  private WriteTransaction write(TenantId tenant, Actor actor, ComplianceReportItem report,
      ComplianceReportResponse response) {
    return write(transactions.begin(), tenant, actor, report, response);
  }

  private WriteTransaction write(WriteTransaction tx, TenantId tenant, Actor actor, ComplianceReportItem report,
      ComplianceReportResponse response) {
    reports.create(tx, report, () -> new IllegalStateException("compliance report id collision"));
    outbox.record(tx, tenant, actor, REQUESTED_EVENT, "compliance_report", report.id(), null, response);
    return tx;
  }
}
