package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contacts, end to end through the local gateway (issue #16's "done when"): a user adds two
 * phones and two e-mail addresses, moves the defaults, verifies an address with the code
 * {@code GET /local/messages} shows (sent through moto's SES), and their phone is E.164 and their
 * {@code phone_number}; deleting the user removes every contact through the template's rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private LocalApiHarness harness;
  private Tenant acme;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Contacts");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aUserAddsPhonesAndEmailsMovesTheDefaultsAndVerifiesAnAddressByTheCodeSent() {
    User ada = harness.addUser(acme, "member", "ada-" + UUID.randomUUID() + "@example.com");
    String owner = "\"entity_type\":\"user\",\"entity_id\":\"" + ada.id() + "\"";

    Response desk = harness.post("/v1/phone-numbers", ada.token(), "{" + owner + ",\"phone_type\":\"work\","
        + "\"country_code\":\"GB\",\"phone_number\":\"020 7123 4567\"}").expect(201);
    Response office = harness.post("/v1/phone-numbers", ada.token(), "{" + owner + ",\"phone_type\":\"work\","
        + "\"country_code\":\"+1\",\"phone_number\":\"(415) 555-2671\",\"extension\":\"12\"}").expect(201);
    assertEquals("+442071234567", desk.text("phone_number"), "normalised to E.164");
    assertEquals("020 7123 4567", desk.text("raw_input"));
    assertEquals("+14155552671", office.text("phone_number"));
    assertTrue(desk.json().path("is_default").asBoolean());
    assertFalse(office.json().path("is_default").asBoolean(true));

    String work = "ada.work-" + UUID.randomUUID() + "@Example.COM";
    Response email = harness.post("/v1/email-addresses", ada.token(), "{" + owner + ",\"email_type\":\"work\","
        + "\"email\":\"" + work + "\"}").expect(201);
    harness.post("/v1/email-addresses", ada.token(), "{" + owner + ",\"email_type\":\"work\","
        + "\"email\":\"ada.home-" + UUID.randomUUID() + "@example.org\"}").expect(201);
    String stored = email.text("email");
    assertEquals(work.substring(0, work.indexOf('@')) + "@example.com", stored, "the domain lower-cased");

    harness.patch("/v1/phone-numbers/" + office.text("id"), ada.token(), null, "{\"is_default\":true}").expect(200);
    assertEquals(List.of(office.text("id")), harness.get("/v1/phone-numbers?is_default=true", ada.token()).expect(200)
        .itemIds());
    assertEquals("+14155552671", harness.get("/v1/me", ada.token()).expect(200).text("phone_number"),
        "the user's phone_number is the default work phone");

    harness.post("/v1/email-addresses/" + email.text("id") + "/verify", ada.token(), null).expect(202);
    String code = codeSentTo(stored);
    Response verified = harness.post("/v1/email-addresses/" + email.text("id") + "/confirm", ada.token(),
        "{\"code\":\"" + code + "\"}").expect(200);
    assertTrue(verified.json().path("is_verified").asBoolean());
    harness.post("/v1/email-addresses/" + email.text("id") + "/confirm", ada.token(), "{\"code\":\"" + code + "\"}")
        .expect(422);
  }

  @Test
  @ExercisesRules("ContactsEventsFunctionUserDeleted")
  void deletingAUserRemovesTheirContacts() {
    User leaver = harness.addUser(acme, "member");
    User stayer = harness.addUser(acme, "member");
    for (User user : List.of(leaver, stayer)) {
      harness.post("/v1/phone-numbers", user.token(), "{\"entity_type\":\"user\",\"entity_id\":\"" + user.id()
          + "\",\"phone_type\":\"mobile\",\"country_code\":\"GB\",\"phone_number\":\"07400 123456\"}").expect(201);
      harness.post("/v1/addresses", user.token(), "{\"entity_type\":\"user\",\"entity_id\":\"" + user.id()
          + "\",\"address_type\":\"home\",\"address_line1\":\"1 Main St\",\"city\":\"London\","
          + "\"postal_code\":\"SW1Y 4JH\",\"country_code\":\"GB\"}").expect(201);
    }
    harness.delete("/v1/users/" + leaver.id(), acme.ownerToken()).expect(204);

    String leaversPhones = "/v1/phone-numbers?entity_type=user&entity_id=" + leaver.id();
    LocalApiHarness.eventually("the deleted user's phones are gone", EVENTUALLY,
        () -> harness.get(leaversPhones, acme.ownerToken()).expect(200).itemIds().isEmpty());
    assertEquals(List.of(), harness.get("/v1/addresses?entity_type=user&entity_id=" + leaver.id(), acme.ownerToken())
        .expect(200).itemIds());
    assertEquals(1, harness.get("/v1/phone-numbers?entity_type=user&entity_id=" + stayer.id(), acme.ownerToken())
        .expect(200).itemIds().size(), "another user keeps theirs");
  }

  /** The code in the newest e-mail {@code GET /local/messages} shows for {@code address}. */
  private String codeSentTo(String address) {
    for (JsonNode item : harness.get("/local/messages", null).expect(200).json().path("items")) {
      if ("email".equals(item.path("channel").asText()) && address.equals(item.path("to").asText())) {
        Matcher code = CODE.matcher(item.path("body").asText());
        assertTrue(code.find(), item.toString());
        return code.group(1);
      }
    }
    throw new AssertionError("no e-mail to " + address + " in /local/messages");
  }
}
