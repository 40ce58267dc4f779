package com.coditect.contacts;

import static com.coditect.contacts.ContactCalls.bad;
import static com.coditect.contacts.ContactCalls.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /v1/addresses} on moto: owners of three kinds (an order's only by owners and admins), the
 * postal code checked against its country's format, coordinates range-checked and kept exactly,
 * one default per owner and address type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressRoutesIT {

  private ContactsApi api;
  private ContactCalls addresses;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new ContactsApi("addresses");
    addresses = new ContactCalls(api, "/v1/addresses", "address_id");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
    api.seedTenantItem(acme);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void anAddressKeepsItsPointExactlyAndTheFirstOfATypeIsTheDefault() {
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse created = addresses.create(member(user), body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":51.507351,\"longitude\":-0.135681,\"label\":\"Home\"}"));
    created.assertStatus(201);
    assertEquals("51.507351", created.json().path("latitude").asText());
    assertEquals("-0.135681", created.json().path("longitude").asText());
    assertTrue(created.json().path("is_default").asBoolean());
    assertFalse(created.json().path("is_verified").asBoolean(true));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());

    HandlerResponse office = addresses.create(member(user), body("user", user, "office", "DE", "10115"));
    assertTrue(office.json().path("is_default").asBoolean(), "the first office address is its default");
    HandlerResponse second = addresses.create(member(user), body("user", user, "home", "US", "22162-1010"));
    assertFalse(second.json().path("is_default").asBoolean(true));
    assertEquals(List.of(created.text("id"), second.text("id")),
        ids(addresses.list(member(user), "address_type", "home")));
  }

  @Test
  void coordinatesAreRoundedToSixPlacesAndAHalfPointIsNone() {
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse rounded = addresses.create(member(user), body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":51.5073509,\"longitude\":-0.1356813}"));
    rounded.assertStatus(201);
    assertEquals("51.507351", rounded.json().path("latitude").asText());
    assertEquals("-0.135681", rounded.json().path("longitude").asText());
    HandlerResponse half = addresses.create(member(user), body("user", user, "office", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":51.5,\"longitude\":null}"));
    half.assertStatus(201);
    assertTrue(half.json().path("latitude").isNull(), "half a point is no point");
    HandlerResponse cleared = addresses.patch(member(user), rounded.text("id"), null, "{\"latitude\":null,\"longitude\":1}");
    cleared.assertStatus(200);
    assertTrue(cleared.json().path("longitude").isNull());
  }

  @Test
  void thePostalCodeMustHaveItsCountrysFormat() {
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse refused = addresses.create(member(user), body("user", user, "home", "US", "9501"));
    assertEquals(422, refused.status(), refused.raw());
    assertEquals(List.of("postal_code"), refused.errorFields());
    assertTrue(refused.dynamoCalls().isEmpty());
    String id = addresses.create(member(user), body("user", user, "home", "US", "95014")).text("id");
    HandlerResponse moved = addresses.patch(member(user), id, null, "{\"country_code\":\"CA\"}");
    assertEquals(422, moved.status(), "95014 is not a Canadian postal code");
    addresses.patch(member(user), id, null, "{\"country_code\":\"CA\",\"postal_code\":\"K1A 0B1\"}").assertStatus(200);
  }

  @Test
  void badInputIs400NamingTheField() {
    String user = api.env.seedUser(acme.id(), "member");
    Map<String, String> me = member(user);
    assertEquals(List.of("entity_type", "entity_id", "address_type", "address_line1", "city", "postal_code",
        "country_code"), bad(addresses.create(me, "{}")));
    assertEquals(List.of("entity_type"), bad(addresses.create(me, body("project", user, "home", "GB", "SW1Y 4JH"))));
    assertEquals(List.of("country_code"), bad(addresses.create(me, body("user", user, "home", "gb", "SW1Y 4JH"))));
    assertEquals(List.of("latitude"), bad(addresses.create(me, body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":90.5,\"longitude\":0}"))));
    assertEquals(List.of("longitude"), bad(addresses.create(me, body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":51.5,\"longitude\":-180.1}"))));
    assertEquals(List.of("longitude"), bad(addresses.create(me, body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("}", ",\"latitude\":51.5}"))));
    assertEquals(List.of("address_line1"), bad(addresses.create(me, body("user", user, "home", "GB", "SW1Y 4JH")
        .replace("\"1 Main Street\"", "\"" + "x".repeat(256) + "\""))));
    assertEquals(List.of("address_id"), bad(addresses.get(me, "not-a-uuid")));
  }

  @Test
  void anOrdersAddressesAreForOwnersAndAdminsAndTheOrderMustExist() {
    String order = api.seedOrder(acme);
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse refused = addresses.create(member(user), body("order", order, "shipping", "GB", "SW1Y 4JH"));
    assertEquals(403, refused.status(), refused.raw());
    HandlerResponse created = addresses.create(acme.admin(), body("order", order, "shipping", "GB", "SW1Y 4JH"));
    created.assertStatus(201);
    assertEquals(List.of(created.text("id")), ids(addresses.list(acme.admin(), "entity_type", "order", "entity_id", order)));
    HandlerResponse missing = addresses.create(acme.admin(), body("order", UUID.randomUUID().toString(), "shipping",
        "GB", "SW1Y 4JH"));
    assertEquals(404, missing.status(), missing.raw());
    assertEquals(404, addresses.create(globex.admin(), body("order", order, "shipping", "GB", "SW1Y 4JH")).status());
  }

  @Test
  void tokensTenantsAndVersionsAreChecked() {
    String user = api.env.seedUser(acme.id(), "member");
    String id = addresses.create(member(user), body("user", user, "home", "GB", "SW1Y 4JH")).text("id");
    for (HandlerResponse response : List.of(addresses.create(null, body("user", user, "home", "GB", "SW1Y 4JH")),
        addresses.list(null), addresses.get(null, id), addresses.patch(null, id, null, "{\"city\":\"X\"}"),
        addresses.delete(null, id, null))) {
      assertEquals(401, response.status(), response.raw());
    }
    for (HandlerResponse response : List.of(addresses.get(globex.owner(), id),
        addresses.patch(globex.owner(), id, null, "{\"city\":\"X\"}"), addresses.delete(globex.owner(), id, null))) {
      assertEquals(404, response.status(), response.raw());
    }
    HandlerResponse patched = addresses.patch(member(user), id, "\"1\"", "{\"city\":\"Westminster\"}");
    patched.assertStatus(200);
    assertEquals(List.of("GetItem", "TransactWriteItems"), patched.dynamoCalls());
    HandlerResponse listed = addresses.list(member(user));
    assertEquals(List.of(id), ids(listed));
    assertEquals(List.of("Query"), listed.dynamoCalls());
    assertEquals(412, addresses.patch(member(user), id, "\"1\"", "{\"city\":\"Stale\"}").status());
    HandlerResponse deleted = addresses.delete(member(user), id, "\"2\"");
    assertEquals(204, deleted.status(), deleted.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(List.of(), ids(addresses.list(member(user))));
  }

  private Map<String, String> member(String userId) {
    return ContactsApi.claims(acme, userId, "member");
  }

  private static String body(String entityType, String entityId, String type, String country, String postalCode) {
    return "{\"entity_type\":\"" + entityType + "\",\"entity_id\":\"" + entityId + "\",\"address_type\":\"" + type
        + "\",\"address_line1\":\"1 Main Street\",\"city\":\"Springfield\",\"postal_code\":\"" + postalCode
        + "\",\"country_code\":\"" + country + "\"}";
  }
}
