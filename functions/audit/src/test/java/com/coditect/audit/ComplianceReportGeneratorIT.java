package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.AuditApi.Tenant;
import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.PdfText;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generator behind {@code compliance_report.requested}, fed the event as the rule delivers it:
 * real figures from entries written by the real ingest, controls per framework with their evidence
 * queries, a PDF in S3 that opens and says what the data says, a tampered chain reported as such,
 * and redeliveries that change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportGeneratorIT {

  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
  private static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

  private AuditApi api;
  private ComplianceReportHandler handler;

  @BeforeAll
  void start() {
    api = new AuditApi("compliance-report-generator");
    api.s3();
    handler = new ComplianceReportHandler(api.component);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aRequestedReportIsCompletedWithTheLogsFiguresMappedToControlsAndAPdf() throws IOException {
    Tenant tenant = api.seedTenant();
    seedActivity(tenant);

    String id = request(tenant, "soc2", YESTERDAY, TODAY);
    deliver(tenant.id(), id);

    JsonNode report = read(tenant, id);
    assertEquals("completed", report.path("status").asText(), report.toString());
    assertNotNull(report.path("completed_at").asText(null));
    JsonNode data = report.path("report_data");
    JsonNode figures = data.path("figures");
    assertEquals(14, figures.path("entries_total").asLong());
    assertEquals(2, figures.path("users_provisioned").asLong());
    assertEquals(1, figures.path("users_deprovisioned").asLong());
    assertEquals(1, figures.path("role_changes").asLong());
    assertEquals(1, figures.path("permission_changes").asLong());
    assertEquals(5, figures.path("access_changes").asLong());
    assertEquals(3, figures.path("failed_sign_ins").asLong());
    assertEquals(2, figures.path("privileged_actions").asLong(), "the role change and the tenant change");
    assertEquals(3, figures.path("deletions").asLong(), "user, task and document deletions");
    assertEquals(1, figures.path("exports").asLong());
    assertEquals(1, figures.path("audit_reviews_started").asLong());
    assertEquals(1, figures.path("audit_reviews_completed").asLong());
    assertEquals(3, data.path("entries_by_severity").path("error").asLong());
    assertEquals("user.login_failed", data.path("top_actions").get(0).path("action").asText());
    assertTrue(data.path("chain_verification").path("intact").asBoolean());
    assertEquals(1, outboxEvents("compliance_report.completed", id));
    assertEquals(14, data.path("chain_verification").path("entries_checked").asLong());

    JsonNode cc61 = control(data, "CC6.1");
    assertEquals(5, cc61.path("figures").path("access_changes").asLong());
    assertEquals("evidence", cc61.path("status").asText());
    assertTrue(cc61.path("evidence_queries").toString().contains(
        "GET /v1/audit-logs?action=user.role_changed&from=" + YESTERDAY + "&to=" + TODAY + "T23:59:59.999Z"),
        cc61.toString());
    assertEquals("pass", control(data, "CC7.3").path("status").asText(), "a review was completed");
    assertEquals("pass", control(data, "CC4.1").path("status").asText());
    assertTrue(control(data, "CC4.1").path("evidence_queries").toString().contains("GET /v1/audit-logs/verify"));

    String key = "tenants/" + tenant.id() + "/audit/reports/" + id + ".pdf";
    assertEquals(key, report.path("file_path").asText());
    byte[] pdf = api.s3().getObjectAsBytes(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(key)).asByteArray();
    String text = PdfText.read(pdf).text();
    assertTrue(text.contains("SOC 2"), text);
    assertTrue(text.contains("Summary"), text);
    assertTrue(text.contains("14 entries in the period"), text);
    assertTrue(text.contains("CC6.1"), text);
    assertTrue(text.contains("Intact"), text);
  }

  @Test
  void eachFrameworkHasItsOwnControls() {
    Tenant tenant = api.seedTenant();
    api.record(tenant.id(), tenant.adminId(), "user.login_failed", "user", tenant.memberId());
    for (var expected : Map.of("gdpr", "Art. 17", "hipaa", "164.308(a)(5)(ii)(C)", "iso27001", "A.8.15").entrySet()) {
      String id = request(tenant, expected.getKey(), TODAY, TODAY);
      deliver(tenant.id(), id);
      JsonNode data = read(tenant, id).path("report_data");
      assertEquals(expected.getKey(), data.path("framework").asText());
      assertFalse(control(data, expected.getValue()).isMissingNode(), expected + " in " + data);
    }
  }

  @Test
  void onlyThePeriodsEntriesAreCounted() {
    Tenant tenant = api.seedTenant();
    api.record(tenant.id(), tenant.adminId(), "user.deleted", "user", tenant.viewerId());
    String id = request(tenant, "gdpr", YESTERDAY, YESTERDAY);
    deliver(tenant.id(), id);
    JsonNode data = read(tenant, id).path("report_data");
    assertEquals(0, data.path("figures").path("entries_total").asLong(), "today's entry is outside the period");
    assertEquals(1, data.path("chain_verification").path("entries_checked").asLong(), "the chain is checked whole");
  }

  @Test
  void aTamperedChainIsReportedAsAFailedVerification() throws IOException {
    Tenant tenant = api.seedTenant();
    api.record(tenant.id(), tenant.adminId(), "user.created", "user", tenant.memberId());
    api.record(tenant.id(), tenant.adminId(), "document.deleted", "document", Ids.newId());
    api.record(tenant.id(), tenant.adminId(), "user.role_changed", "user", tenant.memberId());
    // Someone with table access rewrites history: the deletion "never happened".
    var key = AuditKeys.entry(new TenantId(tenant.id()), 2);
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow()))
        .updateExpression("SET #action = :innocent")
        .expressionAttributeNames(Map.of("#action", "action"))
        .expressionAttributeValues(Map.of(":innocent", AttributeValue.fromS("document.viewed"))));

    String id = request(tenant, "iso27001", TODAY, TODAY);
    deliver(tenant.id(), id);

    JsonNode report = read(tenant, id);
    assertEquals("completed", report.path("status").asText());
    JsonNode data = report.path("report_data");
    JsonNode chain = data.path("chain_verification");
    assertFalse(chain.path("intact").asBoolean());
    assertEquals(2, chain.path("first_break").path("seq").asLong());
    assertEquals("altered", chain.path("first_break").path("reason").asText());
    assertEquals("fail", control(data, "A.8.15").path("status").asText());
    assertEquals(1, data.path("summary").path("fail").asInt());
    assertFalse(data.path("summary").path("chain_intact").asBoolean());
    String text = PdfText.read(api.s3().getObjectAsBytes(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME)
        .key(report.path("file_path").asText())).asByteArray()).text();
    assertTrue(text.contains("FAILED"), text);
  }

  @Test
  void aRedeliveredRequestChangesNothingOnceTheReportIsDone() {
    Tenant tenant = api.seedTenant();
    String id = request(tenant, "hipaa", TODAY, TODAY);
    deliver(tenant.id(), id);
    JsonNode first = read(tenant, id);

    deliver(tenant.id(), id);
    api.calls.reset();
    deliver(tenant.id(), id);

    assertEquals(List.of("GetItem"), api.calls.operations(), "a report no longer generating is only read");
    assertEquals(first, read(tenant, id));
    // Unknown reports (another tenant's id, a deleted item) are ignored, not retried for a day.
    deliver(api.seedTenant().id(), id);
  }

  @Test
  void aReportThatCannotBeStoredIsFailedWithAReason() {
    Tenant tenant = api.seedTenant();
    String id = request(tenant, "soc2", TODAY, TODAY);
    // The same function wired to a bucket that does not exist: the PDF cannot be stored.
    AppConfig config = api.env.appConfig();
    AppConfig noBucket = new AppConfig(config.region(), config.tableName(), "no-such-bucket-" + Ids.newId(),
        config.eventBusName(), config.cursorKeySecret(), config.awsEndpoint());
    new ComplianceReportHandler(DaggerTestAuditApiComponent.factory().create(noBucket, TestInterceptors.none()))
        .handleRequest(event(tenant.id(), id), null);

    JsonNode report = read(tenant, id);
    assertEquals("failed", report.path("status").asText());
    assertTrue(report.path("failure_reason").asText().contains("could not be generated"), report.toString());
    assertTrue(report.path("file_path").isNull());
    assertTrue(report.path("report_data").isEmpty());
    assertEquals(1, outboxEvents("compliance_report.failed", id), "the failure is an event too (and so audited)");
    HandlerResponse file = api.call(HttpEvents.route("GET /v1/compliance-reports/{report_id}/file")
        .claims(tenant.auditor()).pathParam("report_id", id).build());
    file.assertStatus(409);

    deliver(tenant.id(), id);
    assertEquals("failed", read(tenant, id).path("status").asText(), "a failed report stays failed");
    request(tenant, "soc2", TODAY, TODAY);
  }

  /** Section 4 of issue #10: the generator decides from the report's status, not from the order events come in. */
  @Test
  void requestsDeliveredInReverseAndTwiceGenerateEachReportOnceWithOneCompletionEvent() {
    Tenant acme = api.seedTenant();
    Tenant globex = api.seedTenant();
    api.record(acme.id(), acme.adminId(), "user.created", "user", acme.memberId());
    String first = request(acme, "soc2", TODAY, TODAY);
    String second = request(globex, "gdpr", TODAY, TODAY);

    deliver(globex.id(), second);
    deliver(acme.id(), first);
    JsonNode firstDone = read(acme, first);
    deliver(globex.id(), second);
    deliver(acme.id(), first);

    assertEquals("completed", firstDone.path("status").asText());
    assertEquals(firstDone, read(acme, first), "the second delivery changed nothing");
    assertEquals("completed", read(globex, second).path("status").asText());
    assertEquals(1, outboxEvents("compliance_report.completed", first));
    assertEquals(1, outboxEvents("compliance_report.completed", second));
    assertEquals(1, firstDone.path("report_data").path("figures").path("entries_total").asLong());
  }

  @Test
  void aRequestDeliveredTwiceAtOnceIsFinishedByOneDeliveryOnly() throws Exception {
    Tenant tenant = api.seedTenant();
    String id = request(tenant, "iso27001", TODAY, TODAY);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> deliveries = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        deliveries.add(pool.submit(() -> {
          go.await();
          deliver(tenant.id(), id);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> delivery : deliveries) {
        delivery.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("completed", read(tenant, id).path("status").asText());
    assertEquals(1, outboxEvents("compliance_report.completed", id), "one completion, whichever delivery won");
    request(tenant, "soc2", TODAY, TODAY);
  }

  // ------------------------------------------------------------------------------------------

  /** Fourteen entries through the real ingest, each counted by some figure. */
  private void seedActivity(Tenant tenant) {
    String t = tenant.id();
    String admin = tenant.adminId();
    api.record(t, admin, "user.created", "user", tenant.memberId());
    api.record(t, admin, "user.created", "user", tenant.viewerId());
    api.record(t, admin, "user.role_changed", "user", tenant.memberId(),
        Map.of("role", Map.of("old", "viewer", "new", "member")));
    api.record(t, admin, "document.permission_granted", "document", Ids.newId());
    api.record(t, admin, "user.deleted", "user", tenant.viewerId());
    api.record(t, admin, "task.deleted", "task", Ids.newId());
    api.record(t, admin, "tenant.updated", "tenant", t);
    for (int i = 0; i < 3; i++) {
      api.record(t, null, "user.login_failed", "user", tenant.memberId());
    }
    api.record(t, admin, "share.created", "share", Ids.newId());
    api.record(t, admin, "document.deleted", "document", Ids.newId());
    String review = Ids.newId();
    api.record(t, tenant.auditorId(), "audit_review.created", "audit_review", review);
    api.record(t, tenant.auditorId(), "audit_review.updated", "audit_review", review,
        Map.of("status", Map.of("old", "in_progress", "new", "completed")));
  }

  private String request(Tenant tenant, String type, String start, String end) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/compliance-reports").claims(tenant.auditor())
        .body("{\"report_type\":\"" + type + "\",\"period_start\":\"" + start + "\",\"period_end\":\"" + end + "\"}")
        .build());
    created.assertStatus(202);
    return created.text("id");
  }

  /** The event as the rule delivers it: the outbox's detail in an EventBridge envelope. */
  private void deliver(String tenantId, String reportId) {
    handler.handleRequest(event(tenantId, reportId), null);
  }

  private static Map<String, Object> event(String tenantId, String reportId) {
    return Map.of(
        "version", "0", "id", Ids.newId(), "source", "coditect.audit", "detail-type", "compliance_report.requested",
        "detail", Map.of("event_id", Ids.newId(), "tenant_id", tenantId, "action", "compliance_report.requested",
            "resource_type", "compliance_report", "resource_id", reportId));
  }

  private long outboxEvents(String action, String resourceId) {
    return api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())
            .filterExpression("entity_type = :outbox AND detail_type = :action AND contains(detail, :id)")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
                ":action", AttributeValue.fromS(action), ":id", AttributeValue.fromS(resourceId))))
        .items().stream().count();
  }

  private JsonNode read(Tenant tenant, String id) {
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/compliance-reports/{report_id}")
        .claims(tenant.auditor()).pathParam("report_id", id).build());
    read.assertStatus(200);
    return read.json();
  }

  private static JsonNode control(JsonNode data, String id) {
    for (JsonNode control : data.path("controls")) {
      if (control.path("id").asText().equals(id)) {
        return control;
      }
    }
    return MissingNode.getInstance();
  }

  /** Opens the PDF with a PDF reader (it must parse) and returns the text of every page. */
}
