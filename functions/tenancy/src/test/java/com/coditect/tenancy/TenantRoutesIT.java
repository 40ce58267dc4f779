package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/tenants}, {@code GET|PATCH /v1/tenant} on moto. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantRoutesIT {

  private TenancyApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new TenancyApi("tenants");
    acme = api.seedTenant("Acme");
    globex = api.seedTenant("Globex");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private HandlerResponse createTenant(String body, Map<String, String> claims) {
    var event = HttpEvents.route("POST /v1/tenants").body(body);
    if (claims != null) {
      event.claims(claims);
    }
    return api.call(event.build());
  }

  private static Map<String, String> admin() {
    return HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN);
  }

  @Test
  void platformAdminCreatesTenantWithOwnerInOneTransaction() {
    HandlerResponse created = createTenant("""
        {"name":"Initech Ltd","slug":"initech","company_size":"medium","billing_email":"ap@initech.example",
         "tax_id":"GB123","website":"https://initech.example",
         "owner":{"email":"Bill@Initech.example","name":"Bill"}}""", admin());

    assertEquals(201, created.status(), created.raw());
    assertEquals("/v1/tenant", created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("initech", created.text("slug"));
    assertEquals("active", created.text("status"));
    assertEquals("medium", created.text("company_size"));
    assertNotNull(created.text("owner_user_id"));
    assertTrue(created.json().get("phone_number").isNull(), "set later, by the default work phone");
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    var ownerClaims = HttpEvents.claims(created.text("owner_user_id"), created.text("id"), "owner");
    HandlerResponse me = api.call(HttpEvents.route("GET /v1/me").claims(ownerClaims).build());
    assertEquals(200, me.status());
    assertEquals("owner", me.text("role"));
    assertEquals("invited", me.text("status"));
  }

  @Test
  void creatingATenantWithAPhoneNumberIs400PointingToPhoneNumbers() {
    HandlerResponse refused = createTenant("""
        {"name":"Phoneco","phone_number":"+442071234567","owner":{"email":"p@phoneco.example","name":"P"}}""",
        admin());
    assertBadRequest(refused, "phone_number");
    assertPointsToPhoneNumbers(refused);
  }

  @Test
  void patchingTheTenantPhoneNumberIs400AndChangesNothing() {
    SeededTenant t = api.seedTenant("PhonePatch");
    String etag = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build()).header("ETag");
    for (String body : List.of("{\"phone_number\":\"+442071234567\"}", "{\"phone_number\":null}",
        "{\"industry\":\"Telecoms\",\"phone_number\":\"+442071234567\"}")) {
      HandlerResponse refused = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner()).body(body).build());
      assertBadRequest(refused, "phone_number");
      assertPointsToPhoneNumbers(refused);
    }
    HandlerResponse after = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    assertEquals(etag, after.header("ETag"), "a refused update must change nothing");
    assertTrue(after.json().get("phone_number").isNull(), "the field stays in the response, read-only");
  }

  private static void assertBadRequest(HandlerResponse response, String... fields) {
    assertEquals(400, response.status(), response.raw());
    assertEquals(List.of(fields), response.errorFields(), response.raw());
    assertTrue(response.dynamoCalls().isEmpty(), "a malformed request must not touch the table: "
        + response.dynamoCalls());
  }

  /** The 400 for {@code phone_number} says where a tenant's phone number is set now. */
  private static void assertPointsToPhoneNumbers(HandlerResponse response) {
    String message = response.json().path("errors").path(0).path("message").asText();
    assertTrue(message.contains("default work phone") && message.contains("POST /v1/phone-numbers"),
        response.raw());
  }

  @Test
  void createdTenantJoinsThePlatformListOfTenants() {
    HandlerResponse created = createTenant("{\"name\":\"Listed Co\",\"owner\":{\"email\":\"a@listed.example\",\"name\":\"A\"}}",
        admin());
    assertEquals(201, created.status(), created.raw());
    var listed = api.env.dynamoDb().query(q -> q.tableName(api.env.tableName()).indexName("GSI1")
        .keyConditionExpression("GSI1PK = :pk AND GSI1SK = :id")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CoreKeys.platformTenants()),
            ":id", AttributeValue.fromS(created.text("id")))));
    assertEquals(1, listed.count(), "the monthly compliance reports find the tenant there");
    assertEquals("TENANT", listed.items().get(0).get("entity_type").s());
  }

  @Test
  void slugIsDerivedFromNameWhenAbsent() {
    HandlerResponse created = createTenant("{\"name\":\"Ünïcode Café\",\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}",
        admin());
    assertEquals(201, created.status(), created.raw());
    assertTrue(created.text("slug").startsWith("unicode-cafe-"), created.text("slug"));
  }

  @Test
  void rejectsSecondTenantWithSameSlug() {
    String body = "{\"name\":\"Dup\",\"slug\":\"dup-slug\",\"owner\":{\"email\":\"a@dup.example\",\"name\":\"A\"}}";
    assertEquals(201, createTenant(body, admin()).status());
    HandlerResponse clash = createTenant(body.replace("a@dup", "b@dup"), admin());
    assertEquals(409, clash.status());
    assertEquals(List.of("slug"), clash.errorFields());
  }

  @Test
  void badTenantBodiesAre400NamingEachField() {
    assertEquals(List.of("body"), createTenant("{not json", admin()).errorFields());
    assertEquals(List.of("name"), createTenant("{\"name\":42,\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}",
        admin()).errorFields());
    assertEquals(List.of("name"), createTenant("{\"name\":\"" + "x".repeat(256)
        + "\",\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}", admin()).errorFields());
    assertEquals(List.of("company_size"), createTenant("{\"name\":\"N\",\"company_size\":\"huge\","
        + "\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}", admin()).errorFields());
    assertEquals(List.of("owner.email"), createTenant("{\"name\":\"N\",\"owner\":{\"email\":\"nope\",\"name\":\"A\"}}",
        admin()).errorFields());
    assertEquals(List.of("colour"), createTenant("{\"name\":\"N\",\"colour\":\"red\","
        + "\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}", admin()).errorFields());
    HandlerResponse bad = createTenant("{\"name\":\"N\",\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}", null);
    assertEquals(401, bad.status());
  }

  @Test
  void onlyPlatformAdminsCreateTenants() {
    HandlerResponse denied = createTenant("{\"name\":\"N\",\"owner\":{\"email\":\"a@b.example\",\"name\":\"A\"}}",
        acme.owner());
    assertEquals(403, denied.status());
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
  }

  @Test
  void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
    String body = "{\"name\":\"Once\",\"owner\":{\"email\":\"once@example.com\",\"name\":\"O\"}}";
    var first = api.call(HttpEvents.route("POST /v1/tenants").claims(admin()).header("Idempotency-Key", "k-1")
        .body(body).build());
    var again = api.call(HttpEvents.route("POST /v1/tenants").claims(admin()).header("Idempotency-Key", "k-1")
        .body(body).build());
    assertEquals(201, first.status());
    assertEquals(201, again.status());
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());

    var other = api.call(HttpEvents.route("POST /v1/tenants").claims(admin()).header("Idempotency-Key", "k-1")
        .body(body.replace("Once", "Twice")).build());
    assertEquals(422, other.status());
    assertEquals(List.of("Idempotency-Key"), other.errorFields());
  }

  @Test
  void tenantIsReadFromTheTokenOnly() {
    HandlerResponse mine = api.call(HttpEvents.route("GET /v1/tenant").claims(acme.owner()).build());
    assertEquals(200, mine.status());
    assertEquals(acme.id(), mine.text("id"));
    assertEquals(List.of("GetItem"), mine.dynamoCalls());

    HandlerResponse theirs = api.call(HttpEvents.route("GET /v1/tenant").claims(globex.owner()).build());
    assertEquals(globex.id(), theirs.text("id"));
    assertNotEquals(mine.text("id"), theirs.text("id"));

    assertEquals(401, api.call(HttpEvents.route("GET /v1/tenant").build()).status());
    // A platform-admin token has no tenant: it cannot read "the caller's tenant".
    assertEquals(401, api.call(HttpEvents.route("GET /v1/tenant").claims(admin()).build()).status());
  }

  @Test
  void adminUpdatesTenantWithOptimisticLocking() {
    SeededTenant t = api.seedTenant("Locking");
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    String etag = read.header("ETag");

    HandlerResponse updated = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner()).header("If-Match", etag)
        .body("{\"industry\":\"Software\",\"website\":null}").build());
    assertEquals(200, updated.status(), updated.raw());
    assertEquals("Software", updated.text("industry"));
    assertNotEquals(etag, updated.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());

    HandlerResponse stale = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner()).header("If-Match", etag)
        .body("{\"industry\":\"Retail\"}").build());
    assertEquals(412, stale.status());
    HandlerResponse after = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    assertEquals("Software", after.text("industry"), "a refused update must change nothing");
  }

  @Test
  void tenantPatchChecksRolesAndFields() {
    String member = api.addUser(acme, "member");
    String billing = api.addUser(acme, "billing");
    assertEquals(403, api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.as(member, "member"))
        .body("{\"industry\":\"X\"}").build()).status());
    assertEquals(403, api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.as(billing, "billing"))
        .body("{\"name\":\"X\"}").build()).status());
    HandlerResponse billingChange = api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.as(billing, "billing"))
        .body("{\"billing_email\":\"invoices@acme.example\",\"tax_id\":\"DE1\"}").build());
    assertEquals(200, billingChange.status(), billingChange.raw());
    assertEquals("invoices@acme.example", billingChange.text("billing_email"));

    assertEquals(List.of("company_size"), api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.owner())
        .body("{\"company_size\":\"gigantic\"}").build()).errorFields());
    assertEquals(List.of("body"), api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.owner())
        .body("{}").build()).errorFields());
    assertEquals(List.of("phone_number"), api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.owner())
        .body("{\"phone_number\":\"+442071234567\"}").build()).errorFields());
    assertEquals(List.of("If-Match"), api.call(HttpEvents.route("PATCH /v1/tenant").claims(acme.owner())
        .header("If-Match", "banana").body("{\"industry\":\"X\"}").build()).errorFields());
  }

  @Test
  void aNewTenantKeepsItsAuditLogAYear() {
    SeededTenant t = api.seedTenant("Retention default");
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    assertEquals(365, read.json().path("audit_retention_days").intValue(), read.raw());
    assertEquals(365, storedRetention(t).intValue(), "the setting is written on the tenant item");
  }

  @Test
  void aTenantFromBeforeTheSettingReadsAsTheDefault() {
    SeededTenant t = api.seedTenant("Retention legacy");
    api.env.dynamoDb().updateItem(u -> u.tableName(api.env.tableName())
        .key(CoreKeys.tenant(new TenantId(t.id())).primaryKeyMap(UniqueItem.SCHEMA))
        .updateExpression("REMOVE audit_retention_days"));
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    assertEquals(365, read.json().path("audit_retention_days").intValue(), read.raw());
  }

  @Test
  void anAdminLengthensAuditRetention() {
    SeededTenant t = api.seedTenant("Retention long");
    String admin = api.addUser(t, "admin");
    HandlerResponse updated = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.as(admin, "admin"))
        .body("{\"audit_retention_days\":730}").build());
    assertEquals(200, updated.status(), updated.raw());
    assertEquals(730, updated.json().path("audit_retention_days").intValue());
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());
    assertEquals(730, storedRetention(t).intValue(), "the audit ingest reads it from the tenant item");
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/tenant").claims(t.owner()).build());
    assertEquals(730, read.json().path("audit_retention_days").intValue());
  }

  @Test
  void auditRetentionOutsideOneToTenYearsOrNotAWholeNumberIs400NamingTheField() {
    SeededTenant t = api.seedTenant("Retention bounds");
    for (String value : List.of("364", "0", "-1", "3651", "400.5", "\"730\"", "null", "true")) {
      HandlerResponse refused = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner())
          .body("{\"audit_retention_days\":" + value + "}").build());
      assertEquals(400, refused.status(), value + " -> " + refused.raw());
      assertEquals(List.of("audit_retention_days"), refused.errorFields(), value);
    }
    HandlerResponse atTheBounds = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner())
        .body("{\"audit_retention_days\":3650}").build());
    assertEquals(200, atTheBounds.status(), atTheBounds.raw());
    HandlerResponse back = api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.owner())
        .body("{\"audit_retention_days\":365}").build());
    assertEquals(365, back.json().path("audit_retention_days").intValue(), back.raw());
  }

  @Test
  void onlyOwnersAndAdminsChangeAuditRetention() {
    SeededTenant t = api.seedTenant("Retention roles");
    String billing = api.addUser(t, "billing");
    String auditor = api.addUser(t, "auditor");
    assertEquals(403, api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.as(billing, "billing"))
        .body("{\"audit_retention_days\":730}").build()).status());
    assertEquals(403, api.call(HttpEvents.route("PATCH /v1/tenant").claims(t.as(auditor, "auditor"))
        .body("{\"audit_retention_days\":730}").build()).status());
    assertEquals(365, storedRetention(t).intValue(), "a refused change changes nothing");
  }

  private Integer storedRetention(SeededTenant t) {
    var item = api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName())
        .key(CoreKeys.tenant(new TenantId(t.id())).primaryKeyMap(UniqueItem.SCHEMA)).consistentRead(true)).item();
    var value = item.get("audit_retention_days");
    return value == null ? null : Integer.valueOf(value.n());
  }
}
