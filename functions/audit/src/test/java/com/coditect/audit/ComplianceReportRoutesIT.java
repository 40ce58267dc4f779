package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.AuditApi.Tenant;
import com.coditect.audit.data.AuditKeys;
import com.coditect.audit.data.ComplianceReportItem;
import com.coditect.audit.domain.ComplianceReportGenerator.Outcome;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The compliance report routes on moto: requesting one (202, the report and its event in one
 * transaction), listing, reading and the PDF's redirect, with roles, tenants, bad input, the
 * period's rules, Idempotency-Key replays and each route's DynamoDB calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportRoutesIT {

  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
  private static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

  private AuditApi api;
  /** Another tenant, for the reads that must not see a tenant's reports (each test requests as a tenant of its own). */
  private Tenant globex;

  @BeforeAll
  void start() {
    api = new AuditApi("compliance-report-routes");
    api.s3();
    globex = api.seedTenant();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ------------------------------------------------------------------------------------------
  // POST

  @Test
  void auditorRequestsAReportAnd202CarriesItWithItsEventInOneTransaction() {
    Tenant acme = api.seedTenant();
    HandlerResponse created = request(acme.auditor(), body("soc2", YESTERDAY, TODAY));

    created.assertStatus(202);
    String id = created.text("id");
    assertEquals("/v1/compliance-reports/" + id, created.headers().get("Location"));
    assertEquals("generating", created.text("status"));
    assertEquals("soc2", created.text("report_type"));
    assertEquals(YESTERDAY, created.text("period_start"));
    assertEquals(TODAY, created.text("period_end"));
    assertEquals(acme.auditorId(), created.text("generated_by"));
    assertTrue(created.json().path("report_data").isObject() && created.json().path("report_data").isEmpty());
    assertTrue(created.json().path("file_path").isNull());
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    List<Map<String, AttributeValue>> events = outboxEvents("compliance_report.requested", id);
    assertEquals(1, events.size(), "one compliance_report.requested event, written with the report");
    assertEquals("coditect.audit", events.get(0).get("source").s());
    assertTrue(events.get(0).get("PK").s().startsWith("T#" + acme.id() + "#OUTBOX#"));
  }

  @Test
  void ownersAndAdminsMayRequestMembersAndViewersMayNot() {
    Tenant acme = api.seedTenant();
    request(acme.owner(), body("gdpr", YESTERDAY, YESTERDAY)).assertStatus(202);
    request(api.seedTenant().admin(), body("hipaa", YESTERDAY, YESTERDAY)).assertStatus(202);
    HandlerResponse member = request(acme.member(), body("gdpr", YESTERDAY, YESTERDAY));
    member.assertStatus(403);
    assertEquals(List.of(), member.dynamoCalls(), "refused before any read");
    request(acme.viewer(), body("gdpr", YESTERDAY, YESTERDAY)).assertStatus(403);
  }

  @Test
  void aRequestWithoutATenantTokenIs401() {
    api.call(HttpEvents.route("POST /v1/compliance-reports").body(body("soc2", YESTERDAY, TODAY)).build())
        .assertStatus(401);
    api.call(HttpEvents.route("POST /v1/compliance-reports")
        .claims(HttpEvents.platformAdminClaims(Ids.newId())).body(body("soc2", YESTERDAY, TODAY)).build())
        .assertStatus(401);
  }

  @Test
  void badBodiesAre400NamingEachField() {
    assertEquals(List.of("report_type"), bad("{\"period_start\":\"" + YESTERDAY + "\",\"period_end\":\"" + TODAY + "\"}"));
    assertEquals(List.of("report_type"), bad(body("pci-dss", YESTERDAY, TODAY)));
    assertEquals(List.of("period_start"), bad(body("soc2", "2026-13-01", TODAY)));
    assertEquals(List.of("period_end"), bad(body("soc2", YESTERDAY, "yesterday")));
    assertEquals(List.of("format"), bad("{\"report_type\":\"soc2\",\"period_start\":\"" + YESTERDAY
        + "\",\"period_end\":\"" + TODAY + "\",\"format\":\"pdf\"}"));
    assertEquals(List.of("body"), bad("{not json"));
  }

  @Test
  void thePeriodMustBeInOrderOverAndAtMostAYear() {
    Tenant acme = api.seedTenant();
    HandlerResponse reversed = request(acme.auditor(), body("soc2", TODAY, YESTERDAY));
    reversed.assertStatus(422);
    assertEquals(List.of("period_end"), reversed.errorFields());
    assertEquals(List.of(), reversed.dynamoCalls(), "a rule of the request costs no call");

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    HandlerResponse future = request(acme.auditor(), body("soc2", YESTERDAY, tomorrow));
    future.assertStatus(422);
    assertEquals(List.of("period_end"), future.errorFields());

    LocalDate end = LocalDate.now(ZoneOffset.UTC);
    request(acme.auditor(), body("soc2", end.minusDays(365).toString(), end.toString())).assertStatus(202);
    HandlerResponse tooLong = request(acme.auditor(), body("soc2", end.minusDays(366).toString(), end.toString()));
    tooLong.assertStatus(422);
    assertEquals(List.of("period_end"), tooLong.errorFields());
  }

  @Test
  void anIdempotencyKeyReplaysThe202AndRefusesAnotherBody() {
    Tenant acme = api.seedTenant();
    String key = Ids.newId();
    String body = body("iso27001", YESTERDAY, TODAY);
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/compliance-reports").claims(acme.auditor())
        .header("Idempotency-Key", key).body(body).build());
    first.assertStatus(202);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());

    HandlerResponse replay = api.call(HttpEvents.route("POST /v1/compliance-reports").claims(acme.auditor())
        .header("Idempotency-Key", key).body(body).build());
    replay.assertStatus(202);
    assertEquals(first.text("id"), replay.text("id"));
    assertEquals(first.headers().get("Location"), replay.headers().get("Location"));
    assertEquals("true", replay.headers().get("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), replay.dynamoCalls(), "a replay writes nothing");
    assertEquals(1, outboxEvents("compliance_report.requested", first.text("id")).size());

    HandlerResponse other = api.call(HttpEvents.route("POST /v1/compliance-reports").claims(acme.auditor())
        .header("Idempotency-Key", key).body(body("gdpr", YESTERDAY, TODAY)).build());
    other.assertStatus(422);
    assertEquals(List.of("Idempotency-Key"), other.errorFields());
  }

  // ------------------------------------------------------------------------------------------
  // One report in flight per tenant

  @Test
  void aRequestWhileTheTenantsReportIsGeneratingIs429WithRetryAfterAndWritesNothing() {
    Tenant acme = api.seedTenant();
    String first = request(acme.auditor(), body("soc2", YESTERDAY, TODAY)).text("id");

    HandlerResponse refused = request(acme.owner(), body("gdpr", YESTERDAY, TODAY));
    refused.assertStatus(429);
    assertEquals("30", refused.headers().get("Retry-After"));
    assertEquals(List.of("TransactWriteItems"), refused.dynamoCalls(), "decided in the report's own transaction");
    assertEquals(List.of(first), ids(list(acme.auditor(), "limit", "100").json()), "no second report");
    assertEquals(1, outboxEvents(acme, "compliance_report.requested").size(), "and no second event");
    HandlerResponse keyed = api.call(HttpEvents.route("POST /v1/compliance-reports").claims(acme.auditor())
        .header("Idempotency-Key", Ids.newId()).body(body("hipaa", YESTERDAY, TODAY)).build());
    keyed.assertStatus(429);

    request(api.seedTenant().auditor(), body("gdpr", YESTERDAY, TODAY)).assertStatus(202);

    generate(acme, first);
    request(acme.owner(), body("gdpr", YESTERDAY, TODAY)).assertStatus(202);
  }

  @Test
  void aGenerationThatNeverFinishedHoldsTheTenantUpOnlyUntilItsClaimLapses() {
    Tenant acme = api.seedTenant();
    String stalled = request(acme.auditor(), body("soc2", YESTERDAY, TODAY)).text("id");
    request(acme.auditor(), body("soc2", YESTERDAY, TODAY)).assertStatus(429);

    // The claim lapses a quarter of an hour after the request; DynamoDB's TTL would remove it later.
    long lapses = Long.parseLong(inFlight(acme).get("ttl").n());
    long requested = System.currentTimeMillis() / 1000;
    assertTrue(lapses > requested + 14 * 60 && lapses <= requested + 15 * 60, "lapses at " + lapses);
    lapse(acme);
    String next = request(acme.auditor(), body("gdpr", YESTERDAY, TODAY)).text("id");

    // The stalled report, finished late, leaves the next one's claim alone.
    generate(acme, stalled);
    assertEquals(next, inFlight(acme).get("report_id").s());
    request(acme.auditor(), body("hipaa", YESTERDAY, TODAY)).assertStatus(429);
    generate(acme, next);
    request(acme.auditor(), body("hipaa", YESTERDAY, TODAY)).assertStatus(202);
  }

  // ------------------------------------------------------------------------------------------
  // GET list

  @Test
  void theListIsNewestFirstPagedAndFilteredByTypeInOneQueryEach() {
    Tenant tenant = api.seedTenant();
    List<String> soc2 = new ArrayList<>();
    for (String type : List.of("soc2", "gdpr", "soc2", "hipaa", "soc2")) {
      String id = request(tenant.auditor(), body(type, YESTERDAY, TODAY)).text("id");
      generate(tenant, id);
      if (type.equals("soc2")) {
        soc2.add(0, id);
      }
    }

    HandlerResponse first = list(tenant.admin(), "limit", "2");
    first.assertStatus(200);
    assertEquals(List.of("Query"), first.dynamoCalls());
    assertEquals(2, first.json().path("items").size());
    assertEquals(soc2.get(0), first.json().path("items").get(0).path("id").asText(), "the newest first");
    String cursor = first.text("next_cursor");
    assertNotNull(cursor);
    HandlerResponse second = api.call(HttpEvents.route("GET /v1/compliance-reports").claims(tenant.admin())
        .query("limit", "2").query("cursor", cursor).build());
    second.assertStatus(200);
    assertEquals(2, second.json().path("items").size());
    assertNotEquals(first.json().path("items").get(0).path("id"), second.json().path("items").get(0).path("id"));

    HandlerResponse ofType = list(tenant.auditor(), "report_type", "soc2");
    ofType.assertStatus(200);
    assertEquals(List.of("Query"), ofType.dynamoCalls());
    assertEquals(soc2, ids(ofType.json()));

    HandlerResponse bad = list(tenant.auditor(), "report_type", "pci");
    bad.assertStatus(400);
    assertEquals(List.of("report_type"), bad.errorFields());
    assertEquals(List.of(), ids(list(globex.auditor(), "limit", "100").json()).stream()
        .filter(id -> soc2.contains(id)).toList(), "another tenant lists none of them");
    list(tenant.member(), "limit", "10").assertStatus(403);
    list(tenant.viewer(), "limit", "10").assertStatus(403);
    api.call(HttpEvents.route("GET /v1/compliance-reports").build()).assertStatus(401);
  }

  // ------------------------------------------------------------------------------------------
  // GET one, GET file

  @Test
  void aReportIsReadInOneGetItemAndAnotherTenantsIs404() {
    Tenant acme = api.seedTenant();
    String id = request(acme.auditor(), body("soc2", YESTERDAY, TODAY)).text("id");

    HandlerResponse read = get(acme.owner(), id);
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals("generating", read.text("status"));

    HandlerResponse foreign = get(globex.owner(), id);
    foreign.assertStatus(404);
    assertEquals(List.of("report_id"), foreign.errorFields());
    get(acme.owner(), Ids.newId()).assertStatus(404);
    HandlerResponse notAnId = get(acme.owner(), "not-a-uuid");
    notAnId.assertStatus(400);
    assertEquals(List.of("report_id"), notAnId.errorFields());
    get(acme.member(), id).assertStatus(403);
    api.call(HttpEvents.route("GET /v1/compliance-reports/{report_id}").pathParam("report_id", id).build())
        .assertStatus(401);
  }

  @Test
  void theFileIs409UntilCompletedThenA302ToAShortLivedUrl() {
    Tenant acme = api.seedTenant();
    String id = request(acme.auditor(), body("gdpr", YESTERDAY, TODAY)).text("id");
    HandlerResponse early = file(acme.auditor(), id);
    early.assertStatus(409);
    assertEquals(List.of("status"), early.errorFields());

    generate(acme, id);

    HandlerResponse redirect = file(acme.auditor(), id);
    redirect.assertStatus(302);
    assertEquals(List.of("GetItem"), redirect.dynamoCalls());
    String location = redirect.headers().get("Location");
    assertTrue(location.contains("/tenants/" + acme.id() + "/audit/reports/" + id + ".pdf"), location);
    assertTrue(location.contains("X-Amz-Expires=300"), "five minutes: " + location);
    assertNull(redirect.json());

    file(globex.auditor(), id).assertStatus(404);
    file(acme.viewer(), id).assertStatus(403);
    JsonNode completed = get(acme.auditor(), id).json();
    assertEquals("completed", completed.path("status").asText());
    assertEquals("/v1/compliance-reports/" + id + "/file", completed.path("file_url").asText());
    assertFalse(completed.path("report_data").path("controls").isEmpty());
  }

  // ------------------------------------------------------------------------------------------

  /** Runs the generator on a requested report, as its compliance_report.requested event would. */
  private void generate(Tenant tenant, String id) {
    assertEquals(Outcome.COMPLETED, api.component.complianceReportGenerator().generate(new TenantId(tenant.id()), id));
  }

  /** The tenant's report in flight, as the table holds it. */
  private Map<String, AttributeValue> inFlight(Tenant tenant) {
    return api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName()).consistentRead(true)
        .key(AuditKeys.reportInFlight(new TenantId(tenant.id())).primaryKeyMap(ComplianceReportItem.SCHEMA)))
        .item();
  }

  /** Moves the claim's lapse into the past, as the passing of a quarter of an hour would. */
  private void lapse(Tenant tenant) {
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(AuditKeys.reportInFlight(new TenantId(tenant.id())).primaryKeyMap(ComplianceReportItem.SCHEMA))
        .updateExpression("SET #ttl = :past").expressionAttributeNames(Map.of("#ttl", "ttl"))
        .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 - 1)))));
  }

  private HandlerResponse request(Map<String, String> claims, String body) {
    return api.call(HttpEvents.route("POST /v1/compliance-reports").claims(claims).body(body).build());
  }

  private List<String> bad(String body) {
    HandlerResponse response = request(globex.auditor(), body);
    response.assertStatus(400);
    return response.errorFields();
  }

  private HandlerResponse list(Map<String, String> claims, String parameter, String value) {
    return api.call(HttpEvents.route("GET /v1/compliance-reports").claims(claims).query(parameter, value).build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(HttpEvents.route("GET /v1/compliance-reports/{report_id}").claims(claims)
        .pathParam("report_id", id).build());
  }

  private HandlerResponse file(Map<String, String> claims, String id) {
    return api.call(HttpEvents.route("GET /v1/compliance-reports/{report_id}/file").claims(claims)
        .pathParam("report_id", id).build());
  }

  private static String body(String type, String start, String end) {
    return "{\"report_type\":\"" + type + "\",\"period_start\":\"" + start + "\",\"period_end\":\"" + end + "\"}";
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  /** The outbox items of one action of a tenant (a test may scan; no route does). */
  private List<Map<String, AttributeValue>> outboxEvents(Tenant tenant, String action) {
    return api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())
            .filterExpression("entity_type = :outbox AND detail_type = :action AND begins_with(PK, :tenant)")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
                ":action", AttributeValue.fromS(action), ":tenant", AttributeValue.fromS("T#" + tenant.id() + "#"))))
        .items().stream().toList();
  }

  /** The outbox items of one action on one resource (a test may scan; no route does). */
  private List<Map<String, AttributeValue>> outboxEvents(String action, String resourceId) {
    return api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())
            .filterExpression("entity_type = :outbox AND detail_type = :action AND contains(detail, :id)")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
                ":action", AttributeValue.fromS(action), ":id", AttributeValue.fromS(resourceId))))
        .items().stream().toList();
  }
}
