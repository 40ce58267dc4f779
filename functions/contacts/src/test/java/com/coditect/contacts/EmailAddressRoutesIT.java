package com.coditect.contacts;

import static com.coditect.contacts.ContactCalls.bad;
import static com.coditect.contacts.ContactCalls.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.contacts.domain.VerificationRules;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.SentCodes;
import com.coditect.testing.TestInterceptors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /v1/email-addresses} on moto: JMail's syntax check, the domain lower-cased, one address
 * once per owner whatever its case, the tenant-wide look-up by address, and the code flow through
 * moto's SES.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailAddressRoutesIT {

  private ContactsApi api;
  private ContactCalls emails;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new ContactsApi("email-addresses");
    emails = new ContactCalls(api, "/v1/email-addresses", "email_id");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void anAddressIsStoredWithItsDomainLowerCasedAndIsUniquePerOwnerWhateverItsCase() {
    String user = api.env.seedUser(acme.id(), "member");
    String local = "Ada." + UUID.randomUUID().toString().substring(0, 8);
    HandlerResponse created = emails.create(member(user), body(user, "work", local + "@Analytical.EXAMPLE"));
    created.assertStatus(201);
    assertEquals(local + "@analytical.example", created.text("email"));
    assertTrue(created.json().path("is_default").asBoolean());
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());

    HandlerResponse again = emails.create(member(user), body(user, "personal", local.toLowerCase() + "@analytical.example"));
    assertEquals(409, again.status(), again.raw());
    String other = api.env.seedUser(acme.id(), "member");
    emails.create(member(other), body(other, "work", local + "@analytical.example")).assertStatus(201);

    HandlerResponse lookup = emails.list(acme.admin(), "email", local.toUpperCase() + "@ANALYTICAL.example");
    assertEquals(List.of("Query"), lookup.dynamoCalls());
    assertEquals(2, ids(lookup).size(), "both owners of the address, found by the e-mail index");
    assertEquals(403, emails.list(member(user), "email", local + "@analytical.example").status(),
        "a member cannot look addresses up across the tenant");
  }

  @Test
  void aMalformedAddressIs400AndOtherBadInputToo() {
    String user = api.env.seedUser(acme.id(), "member");
    Map<String, String> me = member(user);
    for (String address : List.of("ada", "ada@example", "Ada <ada@example.com>", "ada..b@example.com")) {
      assertEquals(List.of("email"), bad(emails.create(me, body(user, "work", address))), address);
    }
    assertEquals(List.of("entity_type", "entity_id", "email_type", "email"), bad(emails.create(me, "{}")));
    assertEquals(List.of("email_type"), bad(emails.create(me, body(user, "spam", "ada@example.com"))));
    String id = newEmail(user, "ada-" + UUID.randomUUID() + "@example.com");
    assertEquals(List.of("email"), bad(emails.patch(me, id, null, "{\"email\":\"nope\"}")));
    assertEquals(List.of("email_id"), bad(emails.get(me, "not-a-uuid")));
    assertEquals(List.of("email"), bad(emails.list(acme.admin(), "email", "a".repeat(255))));
    assertEquals("\"1\"", emails.get(me, id).header("ETag"));
    HandlerResponse order = emails.create(acme.admin(), "{\"entity_type\":\"order\",\"entity_id\":\"" + UUID.randomUUID()
        + "\",\"email_type\":\"work\",\"email\":\"orders@example.com\"}");
    assertEquals(422, order.status(), order.raw());
  }

  @Test
  void theCodeSentBySesVerifiesTheAddressAndAChangeMakesItUnverified() {
    String user = api.env.seedUser(acme.id(), "member");
    String address = "grace-" + UUID.randomUUID() + "@example.com";
    String id = newEmail(user, address);
    HandlerResponse sent = emails.verify(member(user), id);
    assertEquals(202, sent.status(), sent.raw());
    assertEquals("email", sent.text("channel"));
    String code = ContactsApi.lastCode("email", address);

    HandlerResponse confirmed = emails.confirm(member(user), id, "{\"code\":\"" + code + "\"}");
    confirmed.assertStatus(200);
    assertTrue(confirmed.json().path("is_verified").asBoolean());
    assertEquals(409, emails.verify(member(user), id).status(), "a verified address needs no code");

    HandlerResponse changed = emails.patch(member(user), id, null, "{\"email\":\"hopper-" + UUID.randomUUID()
        + "@example.com\"}");
    changed.assertStatus(200);
    assertFalse(changed.json().path("is_verified").asBoolean(true), "a changed address is unverified");
    assertEquals(1, api.env.outboxEvents().stream().filter(e -> "email_address.verified".equals(e.path("action").asText())
        && id.equals(e.path("resource_id").asText())).count());
  }

  @Test
  void aCodeSesRefusedLeavesNoCodeAndNoCountedSendSoTheUserMayAskAgainAtOnce() {
    SeededTenant tenant = api.env.seedTenant("REFUSED");
    String user = tenant.memberId();
    Map<String, String> me = ContactsApi.claims(tenant, user, "member");
    String address = "refused-" + UUID.randomUUID() + "@example.com";
    HandlerResponse created = emails.create(me, body(user, "work", address));
    created.assertStatus(201);
    String id = created.text("id");
    // The same function with a sender SES has not verified: SES refuses the message.
    ContractClient refusing = new ContractClient(DaggerTestContactsComponent.factory().create(api.env.appConfig(),
        new ContactsConfig("unverified@coditect.example", false), TestInterceptors.none()).handler(),
        new DynamoDbCallCounter());
    String hour = VerificationRules.hour(Instant.now());
    HandlerResponse refused = refusing.call(HttpEvents.route("POST /v1/email-addresses/{email_id}/verify").claims(me)
        .pathParam("email_id", id).build());
    assertEquals(502, refused.status(), refused.raw());
    assertEquals(List.of(), SentCodes.emailsTo(address));
    assertNull(api.attribute("T#" + tenant.id() + "#EMAIL_ADDRESS#" + id, "VERIFICATION", "code_hash"),
        "the code that was never sent is not kept");
    assertEquals("0", api.attribute("T#" + tenant.id() + "#VERIFICATION_SENDS#" + hour, "VERIFICATION_SENDS", "sends"),
        "the send is not counted against the tenant");
    assertEquals(1, api.env.outboxEvents().stream().filter(e -> "email_address.verification_failed"
        .equals(e.path("action").asText()) && id.equals(e.path("resource_id").asText())).count());

    HandlerResponse again = emails.verify(me, id);
    assertEquals(202, again.status(), "no wait after a refused send: " + again.raw());
    assertEquals(1, SentCodes.emailsTo(address).size());
  }

  @Test
  void aCodeForTheOldAddressProvesNothingAfterAChange() {
    String user = api.env.seedUser(acme.id(), "member");
    String address = "old-" + UUID.randomUUID() + "@example.com";
    String id = newEmail(user, address);
    emails.verify(member(user), id).assertStatus(202);
    String code = ContactsApi.lastCode("email", address);
    emails.patch(member(user), id, null, "{\"email\":\"new-" + UUID.randomUUID() + "@example.com\"}").assertStatus(200);
    HandlerResponse refused = emails.confirm(member(user), id, "{\"code\":\"" + code + "\"}");
    assertEquals(422, refused.status(), refused.raw());
  }

  @Test
  void tokensRolesAndTenantsAreChecked() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = newEmail(user, "own-" + UUID.randomUUID() + "@example.com");
    for (HandlerResponse response : List.of(emails.create(null, body(user, "work", "x@example.com")), emails.list(null),
        emails.get(null, id), emails.patch(null, id, null, "{\"label\":\"x\"}"), emails.delete(null, id, null),
        emails.verify(null, id), emails.confirm(null, id, "{\"code\":\"123456\"}"))) {
      assertEquals(401, response.status(), response.raw());
    }
    for (HandlerResponse response : List.of(emails.get(globex.owner(), id), emails.delete(globex.owner(), id, null),
        emails.verify(globex.owner(), id), emails.create(globex.owner(), body(user, "work", "x@example.com")))) {
      assertEquals(404, response.status(), response.raw());
    }
    String colleague = api.env.seedUser(acme.id(), "member");
    HandlerResponse forbidden = emails.create(member(colleague), body(user, "work", "x@example.com"));
    assertEquals(403, forbidden.status(), forbidden.raw());
    assertTrue(forbidden.dynamoCalls().isEmpty());
    HandlerResponse deleted = emails.delete(acme.admin(), id, "\"1\"");
    assertEquals(204, deleted.status(), deleted.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(List.of(), ids(emails.list(member(user))));
  }

  private Map<String, String> member(String userId) {
    return ContactsApi.claims(acme, userId, "member");
  }

  private String newEmail(String userId, String address) {
    HandlerResponse created = emails.create(member(userId), body(userId, "work", address));
    created.assertStatus(201);
    return created.text("id");
  }

  private static String body(String userId, String type, String email) {
    return "{\"entity_type\":\"user\",\"entity_id\":\"" + userId + "\",\"email_type\":\"" + type + "\",\"email\":\""
        + email + "\"}";
  }
}
