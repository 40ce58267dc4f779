package com.coditect.bench;

import com.coditect.audit.ComplianceReportHandler;
import com.coditect.audit.DaggerAuditComponent;
import com.coditect.audit.DaggerTestAuditApiComponent;
import com.coditect.audit.domain.AuditLogWriter;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per audit route (template.yaml's AuditFunction), counting the
 * DynamoDB calls and write units of each, as the tenant's owner (owners read the audit log as
 * auditors do). The entries come from the real ingest, fed events as the bus would deliver them;
 * the report's file from the real generator. The dearer form is sent where there is one: creates
 * carry an {@code Idempotency-Key}, the review's PATCH an {@code If-Match} and a completion, lists
 * a filter that finds something.
 */
final class AuditRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final RouteCalls calls;
  /** The ingest, wired as in production, as the bus's rule runs it; not counted. */
  private final AuditLogWriter ingest;
  /** The report generator, wired as in production, as the rule on compliance_report.requested runs it; not counted. */
  private final ComplianceReportHandler generator;

  AuditRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(DaggerTestAuditApiComponent.factory()
        .create(config, TestInterceptors.of(counter, meter)).handler(), counter, meter);
    this.ingest = DaggerAuditComponent.factory()
        .create(config, new AuditConfig(AwsTestEnvironment.secret("bench-pseudonym-key"))).auditLog();
    this.generator = DaggerTestAuditApiComponent.factory().create(config, TestInterceptors.none()).reportHandler();
  }

  /** Three audit entries of the tenant, through the ingest (not counted). */
  void recordChanges(RoutePlan.Tenant tenant, String projectId) {
    for (String action : List.of("project.updated", "project.updated", "project.deleted")) {
      ObjectNode detail = MAPPER.createObjectNode().put("event_id", Ids.newId()).put("tenant_id", tenant.id())
          .put("action", action).put("resource_type", "project").put("resource_id", projectId)
          .put("occurred_at", "2026-11-25T10:00:00.000Z");
      detail.putObject("actor").put("user_id", tenant.ownerId()).put("ip", "203.0.113.9").put("user_agent", "bench");
      detail.putObject("request").put("method", "PATCH").put("path", "/v1/projects/" + projectId);
      detail.putObject("changes").putObject("name").put("old", "a").put("new", "b");
      ingest.record(detail, "coditect.tenancy");
    }
  }

  /** Sends one request per audit route as the tenant's owner and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant, String projectId) {
    calls.clear();
    Map<String, String> owner = tenant.owner();

    call("GET /v1/audit-logs", event -> event.path("/v1/audit-logs").claims(owner)
        .query("resource_type", "project").query("resource_id", projectId).query("user_id", tenant.ownerId()));
    call("GET /v1/audit-logs/verify", event -> event.path("/v1/audit-logs/verify").claims(owner));

    String reviewId = call("POST /v1/audit-reviews", event -> event.path("/v1/audit-reviews").claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("review_type", "access").put("scope_start_date", "2026-10-01")
            .put("scope_end_date", "2026-10-31").toString())).text("id");
    call("GET /v1/audit-reviews", event -> event.path("/v1/audit-reviews").claims(owner)
        .query("reviewer_id", tenant.ownerId()).query("status", "in_progress"));
    Reply review = call("GET /v1/audit-reviews/{review_id}", event -> event.path("/v1/audit-reviews/" + reviewId)
        .pathParam("review_id", reviewId).claims(owner));
    call("PATCH /v1/audit-reviews/{review_id}", event -> event.path("/v1/audit-reviews/" + reviewId)
        .pathParam("review_id", reviewId).claims(owner).header("If-Match", review.etag())
        .body(body().put("status", "completed").put("findings", "Two stale accounts").toString()));

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Reply requested = call("POST /v1/compliance-reports", event -> event.path("/v1/compliance-reports").claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("report_type", "soc2").put("period_start", today).put("period_end", today).toString()));
    String reportId = requested.text("id");
    call("GET /v1/compliance-reports", event -> event.path("/v1/compliance-reports").claims(owner)
        .query("report_type", "soc2"));
    generator.handleRequest(Map.of("source", "coditect.audit", "detail-type", "compliance_report.requested",
        "detail", Map.of("tenant_id", tenant.id(), "resource_id", reportId, "event_id", Ids.newId())), null);
    call("GET /v1/compliance-reports/{report_id}", event -> event.path("/v1/compliance-reports/" + reportId)
        .pathParam("report_id", reportId).claims(owner));
    call("GET /v1/compliance-reports/{report_id}/file", event -> event
        .path("/v1/compliance-reports/" + reportId + "/file").pathParam("report_id", reportId).claims(owner));
    return calls.counts();
  }

  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }
}
