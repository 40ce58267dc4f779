package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.AuditApi.Tenant;
import com.coditect.audit.domain.ComplianceFrameworks;
import com.coditect.audit.domain.MonthlyReports;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monthly schedule on moto, fired with the event EventBridge sends: last month's report of
 * every framework for every active tenant of the platform list, requested once however often the
 * schedule fires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceScheduleIT {

  private AuditApi api;
  private ComplianceScheduleHandler handler;

  @BeforeAll
  void start() {
    api = new AuditApi("compliance-schedule");
    handler = new ComplianceScheduleHandler(api.component);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void eachActiveTenantGetsLastMonthsReportOfEveryFrameworkOnceHoweverOftenItFires() {
    Tenant acme = listed(api.seedTenant(), "active");
    Tenant globex = listed(api.seedTenant(), "active");
    Tenant suspended = listed(api.seedTenant(), "suspended");

    MonthlyReports.Result first = handler.handleRequest(scheduledEvent("2026-11-01T03:00:00Z"), null);

    assertEquals(YearMonth.of(2026, 10), first.month());
    assertEquals(3, first.tenants());
    assertEquals(8, first.requested());
    for (Tenant tenant : List.of(acme, globex)) {
      JsonNode reports = list(tenant);
      assertEquals(new TreeSet<>(ComplianceFrameworks.TYPES), types(reports));
      for (JsonNode report : reports) {
        assertEquals("2026-10-01", report.path("period_start").asText());
        assertEquals("2026-10-31", report.path("period_end").asText());
        assertEquals("generating", report.path("status").asText());
        assertTrue(report.path("generated_by").isNull(), "requested by the platform");
      }
    }
    assertEquals(0, list(suspended).size(), "a suspended tenant gets no reports");
    assertEquals(8, requestedEvents(), "one compliance_report.requested per report, for the generator");

    // Fired again (a retry, or /local/schedules by hand), even a day later: nothing new.
    MonthlyReports.Result again = handler.handleRequest(scheduledEvent("2026-11-02T09:30:00Z"), null);
    assertEquals(0, again.requested());
    assertEquals(8, again.alreadyRequested());
    assertEquals(4, list(acme).size());
    assertEquals(8, requestedEvents());

    // The next month is a new month.
    assertEquals(8, handler.handleRequest(scheduledEvent("2026-12-01T03:00:00Z"), null).requested());
    assertEquals(8, list(globex).size());
  }

  /**
   * The schedule's four reports neither wait for a report a user requested nor take the tenant's
   * report in flight, so the next user request is judged by the user's own report alone.
   */
  @Test
  void theMonthlyReportsAreNotHeldUpByAUsersReportNorHoldUpTheNext() {
    // A platform of its own: the other test counts every tenant and event of its table.
    try (AuditApi platform = new AuditApi("compliance-schedule-in-flight")) {
      platform.s3();
      Tenant acme = listed(platform, platform.seedTenant(), "active");
      String users = post(platform, acme).text("id");

      new ComplianceScheduleHandler(platform.component).handleRequest(scheduledEvent("2026-11-01T03:00:00Z"), null);
      JsonNode reports = list(platform, acme);
      assertEquals(5, reports.size(), "the user's report and the month's four: " + reports);

      post(platform, acme).assertStatus(429);
      platform.component.complianceReportGenerator().generate(new TenantId(acme.id()), users);
      post(platform, acme).assertStatus(202);
    }
  }

  /** Puts the seeded tenant on the platform list, as tenancy's tenant creation does. */
  private Tenant listed(Tenant tenant, String status) {
    return listed(api, tenant, status);
  }

  private static Tenant listed(AuditApi platform, Tenant tenant, String status) {
    platform.env.dynamoDb().putItem(b -> b.tableName(platform.env.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant.id()), "SK", AttributeValue.fromS("TENANT"),
        "entity_type", AttributeValue.fromS("TENANT"), "id", AttributeValue.fromS(tenant.id()),
        "status", AttributeValue.fromS(status),
        "GSI1PK", AttributeValue.fromS(CoreKeys.platformTenants()), "GSI1SK", AttributeValue.fromS(tenant.id()))));
    return tenant;
  }

  /** The event EventBridge sends to a scheduled rule's target. */
  private static Map<String, Object> scheduledEvent(String time) {
    return Map.of("version", "0", "id", "schedule-" + time, "detail-type", "Scheduled Event", "source", "aws.events",
        "time", time, "resources", List.of("arn:aws:events:us-east-1:000000000000:rule/MonthlyComplianceReports"),
        "detail", Map.of());
  }

  /** A user's request of yesterday's SOC 2 report. */
  private static HandlerResponse post(AuditApi platform, Tenant tenant) {
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    return platform.call(HttpEvents.route("POST /v1/compliance-reports").claims(tenant.auditor())
        .body("{\"report_type\":\"soc2\",\"period_start\":\"" + yesterday + "\",\"period_end\":\"" + yesterday
            + "\"}").build());
  }

  private JsonNode list(Tenant tenant) {
    return list(api, tenant);
  }

  private static JsonNode list(AuditApi platform, Tenant tenant) {
    HandlerResponse page = platform.call(HttpEvents.route("GET /v1/compliance-reports").claims(tenant.auditor())
        .query("limit", "100").build());
    page.assertStatus(200);
    return page.json().path("items");
  }

  private static TreeSet<String> types(JsonNode reports) {
    List<String> types = new ArrayList<>();
    reports.forEach(report -> types.add(report.path("report_type").asText()));
    assertEquals(types.size(), new TreeSet<>(types).size(), "one report per framework: " + types);
    return new TreeSet<>(types);
  }

  private long requestedEvents() {
    return api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())
            .filterExpression("entity_type = :outbox AND detail_type = :action")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
                ":action", AttributeValue.fromS("compliance_report.requested"))))
        .items().stream().count();
  }
}
