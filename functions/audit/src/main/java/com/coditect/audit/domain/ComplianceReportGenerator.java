package com.coditect.audit.domain;

import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.data.AuditEntryRepository;
import com.coditect.audit.data.ComplianceReportItem;
import com.coditect.audit.data.ComplianceReportRepository;
import com.coditect.audit.data.ComplianceReportStorage;
import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Generates a requested compliance report: counts the period's audit entries page by page,
 * verifies the whole chain page by page, maps the figures to the framework's controls, draws the
 * PDF, stores it under the tenant's prefix, and completes the report (or fails it with a reason).
 * Only a report still {@code generating} is worked on, so a redelivered request does nothing.
 */
@Singleton
public final class ComplianceReportGenerator {

  private static final Log LOG = Log.forClass(ComplianceReportGenerator.class);
  private static final Actor GENERATOR = Actor.system("compliance-report");

  /** What a generation did. */
  public enum Outcome { COMPLETED, FAILED, SKIPPED }

  private final ComplianceReportRepository reports;
  private final AuditEntryRepository entries;
  private final AuditVerifier verifier;
  private final ComplianceReportStorage storage;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  ComplianceReportGenerator(ComplianceReportRepository reports, AuditEntryRepository entries, AuditVerifier verifier,
      ComplianceReportStorage storage, Transactions transactions, Outbox outbox, Clock clock) {
    this.reports = reports;
    this.entries = entries;
    this.verifier = verifier;
    this.storage = storage;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Outcome generate(TenantId tenant, String reportId) {
    Optional<ComplianceReportItem> found = reports.find(tenant, reportId, true);
    if (found.isEmpty() || found.get().status() != ComplianceReportStatus.GENERATING) {
      return Outcome.SKIPPED;
    }
    ComplianceReportItem report = found.get();
    ObjectNode data;
    String key;
    try {
      data = figuresOf(tenant, report);
      byte[] pdf = ReportPdf.render(new ReportPdf.Header(reportId, tenant.value(), report.generatedBy()), data);
      key = storage.putPdf(tenant, reportId, pdf);
    } catch (RuntimeException e) {
      // The request cannot succeed by retrying the same code on the same data (a bug, a PDF that
      // cannot be drawn); transient AWS errors are retried by the SDK first. The reason names the
      // kind of failure only: internals stay in the log.
      LOG.error("compliance report generation failed", e, "report_id", reportId);
      finish(tenant, report, ComplianceReportStatus.FAILED, null, null,
          "The report could not be generated (" + e.getClass().getSimpleName() + "). Request it again.");
      return Outcome.FAILED;
    }
    finish(tenant, report, ComplianceReportStatus.COMPLETED, data.toString(), key, null);
    return Outcome.COMPLETED;
  }

  /** The report's data: counters over the period, the chain's verification, the control table. */
  ObjectNode figuresOf(TenantId tenant, ComplianceReportItem report) {
    LocalDate start = LocalDate.parse(report.periodStart());
    LocalDate end = LocalDate.parse(report.periodEnd());
    ReportFigures figures = new ReportFigures();
    entries.forEachInPeriod(tenant, start, end, figures::add);

    // The chain is verified whole, not just the period: a period's entries are only as
    // trustworthy as every link before them.
    ChainVerificationResponse page = verifier.verifyPage(tenant, Optional.empty(), AuditVerifier.MAX_PAGE);
    long checked = page.entriesChecked();
    while (page.nextCursor() != null) {
      page = verifier.verifyPage(tenant, Optional.of(page.nextCursor()), AuditVerifier.MAX_PAGE);
      checked += page.entriesChecked();
    }
    return ComplianceReportData.build(report.reportType().apiName(), start, end, Timestamps.now(clock), figures, page,
        checked);
  }

  /**
   * Moves the report out of {@code generating}, with its event, in one transaction. A report that
   * another delivery finished meanwhile fails the condition and is left as that delivery left it.
   * A report a user requested also releases the tenant's report in flight in that transaction, so
   * the tenant may request the next one as soon as this one reads completed or failed; if its claim
   * had lapsed and another report holds it now, the report is finished without touching that.
   */
  private void finish(TenantId tenant, ComplianceReportItem report, ComplianceReportStatus status, String data,
      String key, String reason) {
    boolean heldInFlight = report.generatedBy() != null;
    try {
      try {
        finishing(tenant, report, status, data, key, reason, heldInFlight).commit();
      } catch (InFlightTakenOver e) {
        finishing(tenant, report, status, data, key, reason, false).commit();
      }
    } catch (FinishedElsewhere e) {
      LOG.info("compliance report finished by another delivery", "report_id", report.id());
    }
  }

  private WriteTransaction finishing(TenantId tenant, ComplianceReportItem report, ComplianceReportStatus status,
      String data, String key, String reason, boolean releaseInFlight) {
    WriteTransaction tx = transactions.begin();
    reports.finishGenerating(tx, tenant, report, status, Timestamps.now(clock), data, key, reason,
        FinishedElsewhere::new);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("status", new FieldChange(ComplianceReportStatus.GENERATING.apiName(), status.apiName()));
    if (key != null) {
      changes.put("file_path", new FieldChange(null, key));
    }
    outbox.record(tx, tenant, GENERATOR, "compliance_report." + status.apiName(), "compliance_report", report.id(), changes);
    if (releaseInFlight) {
      reports.releaseInFlight(tx, tenant, report.id(), InFlightTakenOver::new);
    }
    return tx;
  }

  /** The tenant's report in flight is no longer this report's: its claim lapsed and another took it. */
  private static final class InFlightTakenOver extends RuntimeException {
    InFlightTakenOver() {
      super(null, null, false, false);
    }
  }

  /** The report left {@code generating} while this delivery worked on it. */
  private static final class FinishedElsewhere extends RuntimeException {
    FinishedElsewhere() {
      super(null, null, false, false);
    }
  }
}
