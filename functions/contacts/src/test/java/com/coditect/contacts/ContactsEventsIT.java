package com.coditect.contacts;

import static com.coditect.contacts.ContactCalls.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.shared.json.Json;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.TemplateRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.event.ruler.Machine;

/**
 * A deleted user's contacts go, delivered as EventBridge would: tenancy's {@code user.deleted}
 * reaches the events handler only through the rules template.yaml gives ContactsEventsFunction
 * (Event Ruler). The user's item decides, so a user who is not deleted keeps everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsEventsIT {

  private static final String HANDLER = ContactsEventsHandler.class.getName() + "::";

  private ContactsApi api;
  private ContactCalls phones;
  private ContactCalls emails;
  private ContactCalls addresses;
  private SeededTenant acme;
  private final Machine rules = new Machine();

  @BeforeAll
  void start() throws Exception {
    api = new ContactsApi("contacts-events");
    phones = new ContactCalls(api, "/v1/phone-numbers", "phone_id");
    emails = new ContactCalls(api, "/v1/email-addresses", "email_id");
    addresses = new ContactCalls(api, "/v1/addresses", "address_id");
    acme = api.env.seedTenant("ACME");
    for (TemplateRules.EventRule rule : new TemplateRules(CloudTemplate.load()).eventRules()) {
      if (rule.handler().startsWith(HANDLER)) {
        rules.addRule(rule.logicalId(), rule.pattern());
      }
    }
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void deletingAUserRemovesEveryContactOfTheirsWithAnEventEach() throws Exception {
    String user = api.env.seedUser(acme.id(), "member");
    String bystander = api.env.seedUser(acme.id(), "member");
    Map<String, String> me = ContactsApi.claims(acme, user, "member");
    String phone = phones.create(me, phone(user, "020 7123 9001")).text("id");
    String mobile = phones.create(me, phone(user, "020 7123 9002").replace("work", "mobile")).text("id");
    String email = emails.create(me, email(user)).text("id");
    String address = addresses.create(me, address(user)).text("id");
    phones.create(ContactsApi.claims(acme, bystander, "member"), phone(bystander, "020 7123 9003")).assertStatus(201);

    assertEquals(1, deliver("coditect.tenancy", "user.deleted", user));
    assertEquals(2, ids(phones.list(me)).size(), "a live user keeps their contacts");

    api.env.softDelete("T#" + acme.id() + "#USER#" + user, "USER");
    assertEquals(1, deliver("coditect.tenancy", "user.deleted", user));
    Map<String, String> admin = acme.admin();
    for (String[] gone : new String[][] {{"phone", phone}, {"phone", mobile}}) {
      assertEquals(404, phones.get(admin, gone[1]).status());
    }
    assertEquals(404, emails.get(admin, email).status());
    assertEquals(404, addresses.get(admin, address).status());
    assertEquals(List.of(), ids(phones.list(admin, "entity_type", "user", "entity_id", user)));
    assertEquals(1, ids(phones.list(admin, "entity_type", "user", "entity_id", bystander)).size());
    for (String id : List.of(phone, mobile)) {
      assertEquals(1, deletions("phone_number.deleted", id));
    }
    assertEquals(1, deletions("email_address.deleted", email));
    assertEquals(1, deletions("address.deleted", address));
    assertNull(api.attribute("T#" + acme.id() + "#PHONE_NUMBER#" + phone, "VERIFICATION", "code_hash"));

    // A redelivery finds nothing left and emits nothing more.
    assertEquals(1, deliver("coditect.tenancy", "user.deleted", user));
    assertEquals(1, deletions("phone_number.deleted", phone));
  }

  @Test
  void theRulesTakeOnlyTenancysUserDeleted() throws Exception {
    String user = api.env.seedUser(acme.id(), "member");
    assertEquals(0, deliver("coditect.pm", "user.deleted", user));
    assertEquals(0, deliver("coditect.tenancy", "user.updated", user));
  }

  /** Sends the event through the template's rules; returns how many deliveries the handler got. */
  private int deliver(String source, String detailType, String userId) throws Exception {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant_id", acme.id());
    detail.put("action", detailType);
    detail.put("resource_type", "user");
    detail.put("resource_id", userId);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("detail", detail);
    int matches = rules.rulesForJSONEvent(Json.newMapper().writeValueAsString(envelope)).size();
    for (int i = 0; i < matches; i++) {
      api.component.eventsHandler().handleRequest(envelope, null);
    }
    return matches;
  }

  private long deletions(String action, String id) {
    return api.env.outboxEvents().stream()
        .filter(event -> action.equals(event.path("action").asText()) && id.equals(event.path("resource_id").asText()))
        .count();
  }

  private static String phone(String userId, String number) {
    return "{\"entity_type\":\"user\",\"entity_id\":\"" + userId + "\",\"phone_type\":\"work\",\"country_code\":\"GB\","
        + "\"phone_number\":\"" + number + "\"}";
  }

  private static String email(String userId) {
    return "{\"entity_type\":\"user\",\"entity_id\":\"" + userId + "\",\"email_type\":\"work\",\"email\":\"u-" + userId
        + "@example.com\"}";
  }

  private static String address(String userId) {
    return "{\"entity_type\":\"user\",\"entity_id\":\"" + userId + "\",\"address_type\":\"home\",\"address_line1\":"
        + "\"1 Main Street\",\"city\":\"London\",\"postal_code\":\"SW1Y 4JH\",\"country_code\":\"GB\"}";
  }
}
