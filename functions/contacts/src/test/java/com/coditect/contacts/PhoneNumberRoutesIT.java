package com.coditect.contacts;

import static com.coditect.contacts.ContactCalls.bad;
import static com.coditect.contacts.ContactCalls.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.contacts.domain.VerificationRules;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.WriteGate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /v1/phone-numbers} on moto: E.164 by libphonenumber, one number once per owner, one
 * default per owner and type (also when 20 writers race), the owner's {@code phone_number}
 * following its default work phone, and the SMS code flow through moto's SNS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneNumberRoutesIT {

  private ContactsApi api;
  private ContactCalls phones;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new ContactsApi("phone-numbers");
    phones = new ContactCalls(api, "/v1/phone-numbers", "phone_id");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
    api.seedTenantItem(acme);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aUserAddsTheirOwnPhoneStoredAsE164WithItsFirstBeingTheDefault() {
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse created = phones.create(member(user), body("user", user, "work", "GB", "020 7123 0001"));
    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/phone-numbers/" + id, created.header("Location"));
    assertEquals("+442071230001", created.text("phone_number"));
    assertEquals("020 7123 0001", created.text("raw_input"));
    assertEquals("+44", created.text("country_code"));
    assertEquals("GB", created.text("region"));
    assertTrue(created.json().path("is_default").asBoolean(), "the first work phone is the default");
    assertFalse(created.json().path("is_verified").asBoolean(true));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls(), "the pointer, then one transaction");
    assertEquals("+442071230001", userPhone(user), "the user's phone_number is its default work phone");
    assertEquals(1, events("phone_number.created", id).size());

    HandlerResponse read = phones.get(member(user), id);
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals(created.json(), read.json());

    HandlerResponse mobile = phones.create(member(user), body("user", user, "mobile", "+44", "07400 123123"));
    mobile.assertStatus(201);
    assertTrue(mobile.json().path("is_default").asBoolean(), "the first of its type is its default");
    assertEquals("+442071230001", userPhone(user), "a mobile is not the work phone");
    HandlerResponse second = phones.create(member(user), body("user", user, "work", "+1", "(415) 555-2671"));
    assertEquals("+14155552671", second.text("phone_number"), "a one-digit dialing code is a region hint too");
    assertFalse(second.json().path("is_default").asBoolean(true), "the second work phone is not the default");
  }

  @Test
  void makingAnotherPhoneTheDefaultMovesItAndTheOwnersPhoneNumber() {
    String user = api.env.seedUser(acme.id(), "member");
    String first = newPhone(user, "work", "020 7123 0002");
    String second = newPhone(user, "work", "020 7123 0003");
    HandlerResponse moved = phones.patch(member(user), second, "\"1\"", "{\"is_default\":true}");
    moved.assertStatus(200);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), moved.dynamoCalls(),
        "the phone, its owner's pointer, one transaction");
    assertEquals(List.of(second), ids(phones.list(member(user), "is_default", "true", "phone_type", "work")));
    HandlerResponse old = phones.get(member(user), first);
    assertFalse(old.json().path("is_default").asBoolean(true));
    assertEquals("\"2\"", old.header("ETag"));
    assertEquals("+442071230003", userPhone(user));

    phones.patch(member(user), second, null, "{\"is_default\":false}").assertStatus(200);
    assertEquals(List.of(), ids(phones.list(member(user), "is_default", "true", "phone_type", "work")));
    assertNull(userPhone(user), "no default work phone: no phone_number");

    phones.patch(member(user), first, null, "{\"is_default\":true}").assertStatus(200);
    HandlerResponse deleted = phones.delete(member(user), first, null);
    assertEquals(204, deleted.status(), deleted.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertNull(userPhone(user), "the deleted default took the phone_number with it");
    assertEquals(404, phones.get(member(user), first).status());
    assertEquals(1, events("phone_number.deleted", first).size());
  }

  @Test
  void theTenantsPhoneNumberFollowsItsDefaultWorkPhone() {
    HandlerResponse created = phones.create(acme.admin(), body("tenant", acme.id(), "work", "DE", "030 1234567"));
    created.assertStatus(201);
    assertEquals("+49301234567", api.attribute("T#" + acme.id(), "TENANT", "phone_number"));
    assertEquals(List.of(created.text("id")), ids(phones.list(acme.admin(), "entity_type", "tenant")));
  }

  @Test
  void theSameNumberTwiceOnOneOwnerIs409HoweverItIsWritten() {
    String user = api.env.seedUser(acme.id(), "member");
    newPhone(user, "work", "020 7123 0004");
    HandlerResponse again = phones.create(member(user), body("user", user, "mobile", "+44", "+44 20 7123 0004"));
    assertEquals(409, again.status(), again.raw());
    assertEquals(1, ids(phones.list(member(user))).size(), "the refused phone wrote nothing");
    String other = api.env.seedUser(acme.id(), "member");
    phones.create(member(other), body("user", other, "work", "GB", "020 7123 0004")).assertStatus(201);
    phones.create(member(user), body("user", user, "work", "GB", "020 7123 0004").replace("}", ",\"extension\":\"12\"}"))
        .assertStatus(201);
  }

  @Test
  void anInvalidOrImpossibleNumberIs422NamingTheReason() {
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse tooShort = phones.create(member(user), body("user", user, "work", "US", "555"));
    assertEquals(422, tooShort.status(), tooShort.raw());
    assertEquals(List.of("phone_number"), tooShort.errorFields());
    assertTrue(tooShort.raw().contains("too short"), tooShort.raw());
    HandlerResponse unassigned = phones.create(member(user), body("user", user, "work", "US", "(123) 456-7890"));
    assertEquals(422, unassigned.status());
    assertTrue(unassigned.dynamoCalls().isEmpty(), "refused before any read");
    HandlerResponse order = phones.create(acme.admin(), body("order", UUID.randomUUID().toString(), "work", "GB",
        "020 7123 0005"));
    assertEquals(422, order.status(), order.raw());
    assertEquals(List.of("entity_type"), order.errorFields());
  }

  @Test
  void badBodiesAre400NamingEachFieldAndWriteNothing() {
    String user = api.env.seedUser(acme.id(), "member");
    Map<String, String> me = member(user);
    assertEquals(List.of("body"), bad(phones.create(me, "{not json")));
    assertEquals(List.of("entity_type", "entity_id", "phone_type", "country_code", "phone_number"),
        bad(phones.create(me, "{}")));
    assertEquals(List.of("entity_type"), bad(phones.create(me, body("team", user, "work", "GB", "020 7123 0006"))));
    assertEquals(List.of("entity_id"), bad(phones.create(me, body("user", "not-a-uuid", "work", "GB", "020 7123 0006"))));
    assertEquals(List.of("phone_type"), bad(phones.create(me, body("user", user, "pager", "GB", "020 7123 0006"))));
    assertEquals(List.of("country_code"), bad(phones.create(me, body("user", user, "work", "XX", "020 7123 0006"))));
    assertEquals(List.of("country_code"), bad(phones.create(me, body("user", user, "work", "44", "020 7123 0006"))));
    assertEquals(List.of("phone_number"), bad(phones.create(me, body("user", user, "work", "GB", "1".repeat(51)))));
    assertEquals(List.of("extension"), bad(phones.create(me,
        body("user", user, "work", "GB", "020 7123 0006").replace("}", ",\"extension\":\"12a\"}"))));
    assertEquals(List.of("is_verified"), bad(phones.create(me,
        body("user", user, "work", "GB", "020 7123 0006").replace("}", ",\"is_verified\":true}"))));

    String id = newPhone(user, "work", "020 7123 0007");
    assertEquals(List.of("body"), bad(phones.patch(me, id, null, "{}")));
    assertEquals(List.of("phone_number"), bad(phones.patch(me, id, null, "{\"phone_number\":null}")));
    assertEquals(List.of("entity_id"), bad(phones.patch(me, id, null, "{\"entity_id\":\"" + user + "\"}")));
    assertEquals(List.of("label"), bad(phones.patch(me, id, null, "{\"label\":\"" + "x".repeat(101) + "\"}")));
    assertEquals(List.of("phone_id"), bad(phones.get(me, "not-a-uuid")));
    assertEquals(List.of("phone_id"), bad(phones.verify(me, "not-a-uuid")));
    assertEquals(List.of("code"), bad(phones.confirm(me, id, "{\"code\":\"12345\"}")));
    assertEquals(List.of("phone_type"), bad(phones.list(me, "phone_type", "pager")));
    HandlerResponse ordersWithoutId = phones.list(me, "entity_type", "order");
    assertEquals(422, ordersWithoutId.status(), ordersWithoutId.raw());
    assertEquals(List.of("entity_id"), ordersWithoutId.errorFields());
    HandlerResponse unchanged = phones.get(me, id);
    assertEquals("\"1\"", unchanged.header("ETag"), "a refused update must change nothing");
    assertEquals(0, events("phone_number.updated", id).size());
  }

  @Test
  void withoutATokenEveryRouteIs401() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newPhone(user, "work", "020 7123 0008");
    for (HandlerResponse response : List.of(phones.create(null, body("user", user, "work", "GB", "020 7123 0009")),
        phones.list(null), phones.get(null, id), phones.patch(null, id, null, "{\"label\":\"x\"}"),
        phones.delete(null, id, null), phones.verify(null, id), phones.confirm(null, id, "{\"code\":\"123456\"}"))) {
      assertEquals(401, response.status(), response.raw());
      assertTrue(response.dynamoCalls().isEmpty());
    }
  }

  @Test
  void anotherTenantsPhoneOrOwnerIsNotFound() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newPhone(user, "work", "020 7123 0010");
    for (HandlerResponse response : List.of(phones.get(globex.owner(), id),
        phones.patch(globex.owner(), id, null, "{\"label\":\"Stolen\"}"), phones.delete(globex.owner(), id, null),
        phones.verify(globex.owner(), id), phones.confirm(globex.owner(), id, "{\"code\":\"123456\"}"),
        phones.create(globex.owner(), body("user", user, "work", "GB", "020 7123 0011")),
        phones.create(globex.owner(), body("tenant", acme.id(), "work", "GB", "020 7123 0011")))) {
      assertEquals(404, response.status(), response.raw());
    }
    HandlerResponse unknownUser = phones.create(acme.owner(), body("user", UUID.randomUUID().toString(), "work", "GB",
        "020 7123 0012"));
    assertEquals(404, unknownUser.status(), unknownUser.raw());
    assertEquals("\"1\"", phones.get(member(user), id).header("ETag"));
  }

  @Test
  void usersManageOnlyTheirOwnPhonesAndAdminsEveryones() {
    String user = api.env.seedUser(acme.id(), "member");
    String colleague = api.env.seedUser(acme.id(), "viewer");
    String id = newPhone(user, "work", "020 7123 0013");
    Map<String, String> viewer = ContactsApi.claims(acme, colleague, "viewer");
    for (HandlerResponse refused : List.of(phones.create(viewer, body("user", user, "mobile", "GB", "07400 123124")),
        phones.create(viewer, body("tenant", acme.id(), "work", "GB", "020 7123 0014")),
        phones.list(viewer, "entity_type", "user", "entity_id", user), phones.list(viewer, "entity_type", "tenant"))) {
      assertEquals(403, refused.status(), refused.raw());
      assertTrue(refused.dynamoCalls().isEmpty(), "a refused request must not touch the table");
    }
    assertEquals(404, phones.get(viewer, id).status(), "another user's phone does not exist for a member");
    assertEquals(404, phones.patch(viewer, id, null, "{\"label\":\"x\"}").status());
    phones.create(viewer, body("user", colleague, "mobile", "GB", "07400 123125")).assertStatus(201);
    phones.get(acme.admin(), id).assertStatus(200);
    phones.patch(acme.owner(), id, null, "{\"label\":\"Desk\"}").assertStatus(200);
    assertEquals(List.of(id), ids(phones.list(acme.admin(), "entity_type", "user", "entity_id", user)));
  }

  @Test
  void twentyConcurrentMakeDefaultsLeaveExactlyOne() throws Exception {
    String user = api.env.seedUser(acme.id(), "member");
    List<String> candidates = new ArrayList<>();
    newPhone(user, "work", "020 7946 1000");
    for (int i = 1; i <= 20; i++) {
      candidates.add(newPhone(user, "work", String.format("020 7946 %04d", 1000 + i)));
    }
    List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
    for (String id : candidates) {
      racers.add(HttpEvents.route("PATCH /v1/phone-numbers/{phone_id}").claims(member(user)).pathParam("phone_id", id)
          .body("{\"is_default\":true}").build());
    }
    List<APIGatewayV2HTTPResponse> responses = WriteGate.race(interceptors -> DaggerTestContactsComponent.factory()
        .create(api.env.appConfig(), ContactsApi.config(), interceptors).handler(), racers, 2 * racers.size());
    List<Integer> statuses = responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).sorted().toList();
    assertEquals(200, statuses.get(0));
    assertEquals(List.of(409), statuses.subList(1, statuses.size()).stream().distinct().toList(), statuses.toString());
    List<JsonNode> flagged = StreamSupport.stream(phones.list(member(user), "phone_type", "work", "limit", "100").json()
        .path("items").spliterator(), false).filter(phone -> phone.path("is_default").asBoolean()).toList();
    assertEquals(1, flagged.size(), "exactly one phone says it is the default");
    String winner = candidates.get(indexOf(responses, 200));
    assertEquals(winner, flagged.get(0).path("id").asText());
    assertEquals(flagged.get(0).path("phone_number").asText(), userPhone(user));
  }

  @Test
  void anSmsCodeVerifiesThePhoneOnceAndOnlyTheNewest() throws Exception {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newPhone(user, "mobile", "07400 123200");
    HandlerResponse sent = phones.verify(member(user), id);
    assertEquals(202, sent.status(), sent.raw());
    assertEquals("sms", sent.text("channel"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), sent.dynamoCalls());
    String first = ContactsApi.lastCode("sms", "+447400123200");
    assertFalse(api.attribute("T#" + acme.id() + "#PHONE_NUMBER#" + id, "VERIFICATION", "code_hash").contains(first),
        "only the hash is stored");

    HandlerResponse tooSoon = phones.verify(member(user), id);
    assertEquals(429, tooSoon.status(), tooSoon.raw());
    assertTrue(Integer.parseInt(tooSoon.header("Retry-After")) > 0);

    HandlerResponse wrong = phones.confirm(member(user), id, "{\"code\":\"" + other(first) + "\"}");
    assertEquals(422, wrong.status(), wrong.raw());
    assertEquals(List.of("code"), wrong.errorFields());

    HandlerResponse confirmed = phones.confirm(member(user), id, "{\"code\":\"" + first + "\"}");
    confirmed.assertStatus(200);
    assertTrue(confirmed.json().path("is_verified").asBoolean());
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), confirmed.dynamoCalls());
    assertEquals(1, events("phone_number.verified", id).size());
    assertEquals(1, events("phone_number.verification_sent", id).size());
    assertEquals(422, phones.confirm(member(user), id, "{\"code\":\"" + first + "\"}").status(), "a code works once");

    HandlerResponse changed = phones.patch(member(user), id, null, "{\"phone_number\":\"07400 123201\"}");
    changed.assertStatus(200);
    assertFalse(changed.json().path("is_verified").asBoolean(true), "a new number is unverified");
    assertEquals("+447400123201", changed.text("phone_number"));
  }

  @Test
  void fiveWrongCodesLockConfirmingWith429() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newPhone(user, "mobile", "07400 123300");
    phones.verify(member(user), id).assertStatus(202);
    String code = ContactsApi.lastCode("sms", "+447400123300");
    for (int i = 1; i < 5; i++) {
      assertEquals(422, phones.confirm(member(user), id, "{\"code\":\"" + other(code) + "\"}").status());
    }
    HandlerResponse locked = phones.confirm(member(user), id, "{\"code\":\"" + other(code) + "\"}");
    assertEquals(429, locked.status(), locked.raw());
    assertEquals("900", locked.header("Retry-After"));
    HandlerResponse stillLocked = phones.confirm(member(user), id, "{\"code\":\"" + code + "\"}");
    assertEquals(429, stillLocked.status(), "the right code does not help while locked");
    assertFalse(phones.get(member(user), id).json().path("is_verified").asBoolean(true));
  }

  @Test
  void aTenantAtItsHourlyLimitOfCodesGets429UntilTheNextHour() {
    SeededTenant busy = api.env.seedTenant("BUSY");
    // The tenant's counter of this hour (and the next, should the test cross the hour) at the limit.
    Instant now = Instant.now();
    for (Instant hour : List.of(now, now.plus(Duration.ofHours(1)))) {
      api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(Map.of(
          "PK", AttributeValue.fromS("T#" + busy.id() + "#VERIFICATION_SENDS#" + VerificationRules.hour(hour)),
          "SK", AttributeValue.fromS("VERIFICATION_SENDS"),
          "sends", AttributeValue.fromN(Integer.toString(VerificationRules.TENANT_MAX_SENDS_PER_HOUR)))));
    }
    String id = newPhone(busy, busy.memberId(), "mobile", "07400 123999");
    HandlerResponse refused = phones.verify(ContactsApi.claims(busy, busy.memberId(), "member"), id);
    assertEquals(429, refused.status(), refused.raw());
    int retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 3600, refused.header("Retry-After"));
    assertEquals(List.of(), ContactsApi.sentTo("+447400123999"), "nothing was sent");
    assertNull(api.attribute("T#" + busy.id() + "#PHONE_NUMBER#" + id, "VERIFICATION", "code_hash"),
        "no code was stored");
  }

  @Test
  void aStaleIfMatchIs412AndAnIdempotencyKeyReplays() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newPhone(user, "home", "020 7123 0400");
    phones.patch(member(user), id, "\"1\"", "{\"label\":\"Home\"}").assertStatus(200);
    assertEquals(412, phones.patch(member(user), id, "\"1\"", "{\"label\":\"Stale\"}").status());
    assertEquals(412, phones.delete(member(user), id, "\"1\"").status());
    assertEquals("Home", phones.get(member(user), id).text("label"));

    String key = "phone-" + UUID.randomUUID();
    String body = body("user", user, "fax", "GB", "020 7123 0401");
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/phone-numbers").claims(member(user))
        .header("Idempotency-Key", key).body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/phone-numbers").claims(member(user))
        .header("Idempotency-Key", key).body(body).build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), first.dynamoCalls(), "the pointer and the record in one read");
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
  }

  @Test
  void adminsListTheTenantsDefaultsFromTheDefaultsIndex() {
    SeededTenant tenant = api.env.seedTenant("DEFS");
    String a = newPhone(tenant, tenant.memberId(), "work", "020 7123 0500");
    String b = newPhone(tenant, tenant.viewerId(), "work", "020 7123 0501");
    newPhone(tenant, tenant.viewerId(), "work", "020 7123 0502");
    HandlerResponse defaults = phones.list(tenant.admin(), "is_default", "true");
    assertEquals(List.of("Query"), defaults.dynamoCalls());
    assertEquals(List.of(a, b).stream().sorted().toList(), ids(defaults).stream().sorted().toList());
    assertEquals(List.of(), ids(phones.list(tenant.admin(), "is_default", "true", "phone_type", "fax")));
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, String> member(String userId) {
    return ContactsApi.claims(acme, userId, "member");
  }

  private String userPhone(String userId) {
    return api.attribute("T#" + acme.id() + "#USER#" + userId, "USER", "phone_number");
  }

  private String newPhone(String userId, String type, String number) {
    return newPhone(acme, userId, type, number);
  }

  private String newPhone(SeededTenant tenant, String userId, String type, String number) {
    HandlerResponse created = phones.create(ContactsApi.claims(tenant, userId, "member"),
        body("user", userId, type, "GB", number));
    created.assertStatus(201);
    return created.text("id");
  }

  private static String body(String entityType, String entityId, String type, String country, String number) {
    return "{\"entity_type\":\"" + entityType + "\",\"entity_id\":\"" + entityId + "\",\"phone_type\":\"" + type
        + "\",\"country_code\":\"" + country + "\",\"phone_number\":\"" + number + "\"}";
  }

  private List<JsonNode> events(String action, String resourceId) {
    return api.env.outboxEvents().stream()
        .filter(event -> action.equals(event.path("action").asText()) && resourceId.equals(event.path("resource_id").asText()))
        .toList();
  }

  private static String other(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }

  private static int indexOf(List<APIGatewayV2HTTPResponse> responses, int status) {
    for (int i = 0; i < responses.size(); i++) {
      if (responses.get(i).getStatusCode() == status) {
        return i;
      }
    }
    throw new AssertionError("no " + status);
  }
}
