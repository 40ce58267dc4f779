package com.coditect.audit.data;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the audit function's items, built in one place: the audit log (docs/audit.md), the
 * audit reviews and the compliance reports. The log's keys:
 *
 * <pre>
 * item              PK                                      SK
 * entry             T#t#AUDIT                                <seq, 12 digits>
 * chain head        T#t#AUDIT                                HEAD            {seq, chain_hash, newest_entry_ttl}
 * event sentinel    T#t#AUDIT#EVENT#&lt;event id&gt;               EVENT           one entry per event
 * list rows         T#t#AUDIT#USER#u, #RESOURCE#type#id,     &lt;created_at&gt;#&lt;seq&gt;
 *                   #ACTION#a, #SEVERITY#s
 * entry on GSI1     T#t#AUDIT#TIME                           &lt;created_at&gt;#&lt;seq&gt;   the log by time
 * </pre>
 * The head sorts after every entry of its partition, so one ascending Query that reaches the end
 * of the chain also reads the head, and verify can tell a chain cut short from a complete one.
 * Entries are immutable, so their list rows (full copies) never need rewriting. The by-time list
 * is the entry itself on GSI1, not another row: its own key is the seq, which {@code verify} walks.
 *
 * <p>Reviews and reports are labelled {@code AUDIT_REVIEW} and {@code COMPLIANCE_REPORT...}, never
 * {@code AUDIT#...}: the audit function's role denies every write to partitions matching
 * {@code T#*#AUDIT} and {@code T#*#AUDIT#*} (entries, the chain head, list rows), and reviews and
 * reports must stay writable beside that deny (template.yaml; {@code AuditReviewRoutesIT} checks
 * every key the review routes write against it). Their layouts are on {@link AuditReviewItem},
 * {@link ComplianceReportItem} and {@link ReportInFlightItem}.
 */
public final class AuditKeys {

  public static final String ENTRY = "AUDIT_ENTRY";
  public static final String ROW = "AUDIT_ROW";

  private AuditKeys() {}

  /** Sort key of the chain head: letters sort after the digits of every seq. */
  public static final String HEAD = "HEAD";

  public static Key chainHead(TenantId tenant) {
    return Key.builder().partitionValue(entries(tenant)).sortValue(HEAD).build();
  }

  public static String entries(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT").build();
  }

  public static Key entry(TenantId tenant, long seq) {
    return Key.builder().partitionValue(entries(tenant)).sortValue(sequence(seq)).build();
  }

  public static Key eventSentinel(TenantId tenant, String eventId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("AUDIT").with("EVENT", eventId).build())
        .sortValue("EVENT").build();
  }

  public static String byUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("AUDIT").with("USER", userId).build();
  }

  public static String byResource(TenantId tenant, String resourceType, String resourceId) {
    return Keys.tenant(tenant).with("AUDIT").with("RESOURCE", resourceType).with(resourceId).build();
  }

  public static String byAction(TenantId tenant, String action) {
    return Keys.tenant(tenant).with("AUDIT").with("ACTION", action).build();
  }

  /** GSI1 partition of the tenant's entries in time order. */
  public static String byTime(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT").with("TIME").build();
  }

  /** The sort key of every time-ordered list: created_at, then seq for entries of one millisecond. */
  public static String timeOrder(String createdAt, long seq) {
    return createdAt + "#" + sequence(seq);
  }

  public static String bySeverity(TenantId tenant, String severity) {
    return Keys.tenant(tenant).with("AUDIT").with("SEVERITY", severity).build();
  }

  /** Twelve digits: a trillion entries per tenant before the order would break. */
  public static String sequence(long seq) {
    return String.format("%012d", seq);
  }

  // Audit reviews.

  /** Entity type of a review. */
  public static final String REVIEW = "AUDIT_REVIEW";

  public static Key review(TenantId tenant, String reviewId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(REVIEW, reviewId).build()).sortValue(REVIEW).build();
  }

  /** GSI1 partition: all of the tenant's reviews. */
  public static String reviews(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT_REVIEWS").build();
  }

  /** GSI2 partition: one reviewer's reviews with one status. */
  public static String reviewsOf(TenantId tenant, String reviewerId, AuditReviewStatus status) {
    return Keys.tenant(tenant).with("USER", reviewerId).with("AUDIT_REVIEWS", status.apiName()).build();
  }

  /** Sort key of both review lists: creation time, then the id for reviews of one millisecond. */
  public static String byCreation(String createdAt, String reviewId) {
    return createdAt + "#" + reviewId;
  }

  // Compliance reports.

  /** Kind of the sentinel that lets the schedule request one report per tenant, framework and month. */
  public static final String UNIQUE_MONTHLY = "COMPLIANCE_MONTHLY";

  public static Key report(TenantId tenant, String reportId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(ComplianceReportItem.ENTITY, reportId).build())
        .sortValue(ComplianceReportItem.ENTITY).build();
  }

  /** The tenant's report in flight (one at a time per tenant; see ReportInFlightItem). */
  public static Key reportInFlight(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(ReportInFlightItem.ENTITY).build())
        .sortValue(ReportInFlightItem.ENTITY).build();
  }

  /** GSI1: the tenant's reports by creation. */
  public static String reports(TenantId tenant) {
    return Keys.tenant(tenant).with("COMPLIANCE_REPORTS").build();
  }

  /** GSI2: the tenant's reports of one framework by creation. */
  public static String reportsOfType(TenantId tenant, ComplianceReportType reportType) {
    return Keys.tenant(tenant).with("COMPLIANCE_REPORTS").with("TYPE", reportType.apiName()).build();
  }

  /** The monthly sentinel's value: framework and month, e.g. {@code soc2/2026-10}. */
  public static String monthly(ComplianceReportType reportType, String yearMonth) {
    return reportType.apiName() + "/" + yearMonth;
  }

  /** Where the report's PDF lives in the documents bucket, under the tenant's prefix. */
  public static String reportObject(TenantId tenant, String reportId) {
    return "tenants/" + tenant.value() + "/audit/reports/" + reportId + ".pdf";
  }
}
