package com.coditect.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.data.BillingAddressItem;
import com.coditect.billing.data.BillingAddressRepository;
import com.coditect.billing.data.TaxRateItem;
import com.coditect.billing.data.TaxRateRepository;
import com.coditect.billing.model.AddressType;
import com.coditect.billing.model.TaxType;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The cart routes on moto: a guest's cart reached with its secret, discount codes, one currency
 * per cart, the claim into a tenant (with tax from its default billing address), and the token a
 * cart route verifies itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartRoutesIT {

  private static final Map<String, String> ADMIN = HttpEvents.platformAdminClaims("00000000-0000-7000-8000-000000000c02");
  private static final String SECRET = "X-Cart-Secret";

  private AwsTestEnvironment env;
  private DynamoDbCallCounter calls;
  private ContractClient client;
  private SeededTenant acme;
  private SeededTenant globex;
  private String mug;
  private String poster;
  private String euroBook;
  private String plan;

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create("carts");
    calls = new DynamoDbCallCounter();
    client = new ContractClient(DaggerTestCommerceComponent.factory().create(env.appConfig(), StripeMock.config(),
        TestTokens.config(), TestInterceptors.of(calls)).handler(), calls);
    acme = env.seedTenant("ACME");
    globex = env.seedTenant("GLOBEX");
    mug = product("Mug", 1_250, "usd", "one_time");
    poster = product("Poster", 999, "usd", "one_time");
    euroBook = product("Buch", 2_000, "eur", "one_time");
    plan = product("Team plan", 4_900, "usd", "month");
    call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"WELCOME10\",\"percent_off\":10}")).assertStatus(201);
    call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"FIVE-EUR\",\"amount_off_cents\":500,\"currency\":\"eur\"}")).assertStatus(201);
    // acme's default billing address is in California, which has a 7.25 % state rate and the
    // country none; globex has no billing address.
    seedDefaultAddress(acme, "US", "CA");
    seedRate("US", "CA", "7.25", false);
    seedRate("US", "NY", "4", false);
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aGuestFillsACartWithItsSecretAndADiscountCode() {
    HandlerResponse created = call(HttpEvents.route("POST /v1/carts").body("{\"items\":[{\"product_id\":\"" + mug
        + "\",\"quantity\":2}],\"discount_code\":\"welcome10\"}"));
    created.assertStatus(201);
    String id = created.text("id");
    String secret = created.text("cart_secret");
    assertTrue(secret.length() >= 40, created.raw());
    assertEquals("/v1/carts/" + id, created.header("Location"));
    assertEquals(List.of("BatchGetItem", "PutItem"), created.dynamoCalls(), "no event for a guest's cart");
    assertFalse(created.json().path("claimed").asBoolean());
    assertEquals("WELCOME10", created.text("discount_code"));
    // 2 x 12.50 = 25.00; 10 % = 2.50; no tax for a guest.
    assertAmounts(created.json(), 2_500, 250, 0, 2_250);

    HandlerResponse added = call(guest("POST /v1/carts/{cart_id}/items", id, secret)
        .body("{\"product_id\":\"" + poster + "\",\"quantity\":1}"));
    added.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "PutItem"), added.dynamoCalls(), "a guest's change is one conditional put");
    // 25.00 + 9.99 = 34.99; 10 % = 3.499 -> 3.50.
    assertAmounts(added.json(), 3_499, 350, 0, 3_149);
    HandlerResponse more = call(guest("POST /v1/carts/{cart_id}/items", id, secret)
        .body("{\"product_id\":\"" + mug + "\",\"quantity\":1}"));
    assertEquals(3, more.json().path("items").get(0).path("quantity").asInt(), "a product added again adds to its line");

    HandlerResponse read = call(guest("GET /v1/carts/{cart_id}", id, secret));
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertTrue(read.json().path("cart_secret").isNull(), "the secret is shown once");
    assertEquals("\"3\"", read.header("ETag"));

    HandlerResponse removed = call(guest("DELETE /v1/carts/{cart_id}/items/{product_id}", id, secret)
        .pathParam("product_id", poster));
    removed.assertStatus(200);
    assertEquals(1, removed.json().path("items").size());
    assertEquals(404, call(guest("DELETE /v1/carts/{cart_id}/items/{product_id}", id, secret)
        .pathParam("product_id", poster)).status());
    HandlerResponse noCode = call(guest("PATCH /v1/carts/{cart_id}", id, secret).body("{\"discount_code\":null}"));
    assertAmounts(noCode.json(), 3_750, 0, 0, 3_750);
    assertTrue(env.outboxEvents().stream().noneMatch(e -> id.equals(e.path("resource_id").asText())));
  }

  @Test
  void aGuestCallWithoutTheRightSecretFindsNothing() {
    String[] cart = guestCart(mug, 1);
    assertEquals(404, call(HttpEvents.route("GET /v1/carts/{cart_id}").pathParam("cart_id", cart[0])).status());
    assertEquals(404, call(guest("GET /v1/carts/{cart_id}", cart[0], "not-the-secret")).status());
    assertEquals(404, call(guest("GET /v1/carts/{cart_id}", Ids.newId(), cart[1])).status());
    HandlerResponse denied = call(HttpEvents.route("PATCH /v1/carts/{cart_id}").pathParam("cart_id", cart[0])
        .body("{\"items\":[]}"));
    assertEquals(404, denied.status());
    assertEquals(List.of(), denied.dynamoCalls());
    assertEquals(404, call(owner("GET /v1/carts/{cart_id}", cart[0], acme.owner())).status(),
        "a token reaches its tenant's carts only, never a guest's");
    assertEquals(1, call(guest("GET /v1/carts/{cart_id}", cart[0], cart[1])).json().path("items").get(0)
        .path("quantity").asInt());
  }

  @Test
  void oneCartHoldsOneCurrencyAndSellsOnlyWhatTheCatalogSells() {
    String[] cart = guestCart(mug, 1);
    HandlerResponse mixed = call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1])
        .body("{\"product_id\":\"" + euroBook + "\",\"quantity\":1}"));
    assertEquals(422, mixed.status(), mixed.raw());
    assertEquals(List.of("product_id"), mixed.errorFields());
    HandlerResponse mixedCreate = call(HttpEvents.route("POST /v1/carts").body("{\"items\":[{\"product_id\":\"" + mug
        + "\",\"quantity\":1},{\"product_id\":\"" + euroBook + "\",\"quantity\":1}]}"));
    assertEquals(422, mixedCreate.status());
    HandlerResponse subscription = call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1])
        .body("{\"product_id\":\"" + plan + "\",\"quantity\":1}"));
    assertEquals(422, subscription.status());
    HandlerResponse unknown = call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1])
        .body("{\"product_id\":\"" + Ids.newId() + "\",\"quantity\":1}"));
    assertEquals(422, unknown.status());
    HandlerResponse wrongCurrencyCode = call(guest("POST /v1/carts/{cart_id}/discount", cart[0], cart[1])
        .body("{\"discount_code\":\"FIVE-EUR\"}"));
    assertEquals(422, wrongCurrencyCode.status());
    assertEquals(List.of("discount_code"), wrongCurrencyCode.errorFields());
    HandlerResponse unknownCode = call(guest("POST /v1/carts/{cart_id}/discount", cart[0], cart[1])
        .body("{\"discount_code\":\"NOPE-NOPE\"}"));
    assertEquals(422, unknownCode.status());
    assertEquals(List.of("discount_code"), unknownCode.errorFields());
    HandlerResponse after = call(guest("GET /v1/carts/{cart_id}", cart[0], cart[1]));
    assertEquals("\"1\"", after.header("ETag"), "refused changes wrote nothing");
  }

  @Test
  void badInputIs400NamingTheField() {
    String[] cart = guestCart(mug, 1);
    assertEquals(List.of("items[0].quantity"), bad(call(HttpEvents.route("POST /v1/carts")
        .body("{\"items\":[{\"product_id\":\"" + mug + "\",\"quantity\":-1}]}"))));
    assertEquals(List.of("quantity"), bad(call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1])
        .body("{\"product_id\":\"" + mug + "\",\"quantity\":0}"))));
    assertEquals(List.of("body"), bad(call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1]).body("{\"product_id\":"))));
    assertEquals(List.of("discount_code"), bad(call(guest("POST /v1/carts/{cart_id}/discount", cart[0], cart[1])
        .body("{\"discount_code\":\"no spaces\"}"))));
    assertEquals(List.of("body"), bad(call(guest("PATCH /v1/carts/{cart_id}", cart[0], cart[1]).body("{}"))));
    assertEquals(List.of("cart_id"), bad(call(guest("GET /v1/carts/{cart_id}", "not-a-uuid", cart[1]))));
    assertEquals("\"1\"", call(guest("GET /v1/carts/{cart_id}", cart[0], cart[1])).header("ETag"));
  }

  @Test
  void aSignedInUserClaimsAGuestCartIntoTheirTenantWithTax() {
    String[] cart = guestCart(mug, 2);
    call(guest("POST /v1/carts/{cart_id}/discount", cart[0], cart[1]).body("{\"discount_code\":\"WELCOME10\"}"))
        .assertStatus(200);
    HandlerResponse member = call(claim(cart[0], cart[1], acme.member()));
    assertEquals(403, member.status());
    assertEquals(401, call(HttpEvents.route("POST /v1/carts/{cart_id}/claim").pathParam("cart_id", cart[0])
        .header(SECRET, cart[1])).status());
    assertEquals(404, call(claim(cart[0], "wrong", acme.owner())).status());

    HandlerResponse claimed = call(claim(cart[0], cart[1], acme.owner()));
    claimed.assertStatus(200);
    assertEquals(List.of("GetItem", "Query", "Query", "TransactWriteItems"), claimed.dynamoCalls());
    assertTrue(claimed.json().path("claimed").asBoolean());
    assertEquals("US", claimed.text("tax_country_code"));
    // 25.00 - 2.50 = 22.50; 7.25 % of 22.50 = 1.63125 -> 1.63; total 24.13.
    assertAmounts(claimed.json(), 2_500, 250, 163, 2_413);
    List<JsonNode> events = env.outboxEvents().stream().filter(e -> "cart.claimed".equals(e.path("action").asText())
        && cart[0].equals(e.path("resource_id").asText())).toList();
    assertEquals(1, events.size());
    assertEquals(acme.id(), events.get(0).path("tenant_id").asText());

    assertEquals(404, call(guest("GET /v1/carts/{cart_id}", cart[0], cart[1])).status(), "the secret opens it no more");
    assertEquals(404, call(claim(cart[0], cart[1], globex.owner())).status(), "a cart is claimed once");
    assertEquals(404, call(owner("GET /v1/carts/{cart_id}", cart[0], globex.owner())).status());
    HandlerResponse mine = call(owner("GET /v1/carts/{cart_id}", cart[0], acme.admin()));
    mine.assertStatus(200);
    assertEquals(2_413, mine.json().path("total_cents").asLong());
    assertEquals(403, call(owner("GET /v1/carts/{cart_id}", cart[0], acme.member())).status());

    HandlerResponse changed = call(owner("POST /v1/carts/{cart_id}/items", cart[0], acme.owner())
        .body("{\"product_id\":\"" + poster + "\",\"quantity\":1}"));
    changed.assertStatus(200);
    // 34.99 - 3.50 = 31.49; 7.25 % = 2.283025 -> 2.28; total 33.77.
    assertAmounts(changed.json(), 3_499, 350, 228, 3_377);
    assertEquals(1, env.outboxEvents().stream().filter(e -> "cart.updated".equals(e.path("action").asText())
        && cart[0].equals(e.path("resource_id").asText())).count());
  }

  @Test
  void aSignedInUserStartsTheirTenantsCartDirectly() {
    HandlerResponse created = call(HttpEvents.route("POST /v1/carts")
        .header("Authorization", TestTokens.bearer(acme.owner()))
        .body("{\"items\":[{\"product_id\":\"" + poster + "\",\"quantity\":1}]}"));
    created.assertStatus(201);
    assertTrue(created.json().path("claimed").asBoolean());
    assertTrue(created.json().path("cart_secret").isNull());
    // 7.25 % of 9.99 = 0.724275 -> 0.72.
    assertAmounts(created.json(), 999, 0, 72, 1_071);
    HandlerResponse noTax = call(HttpEvents.route("POST /v1/carts")
        .header("Authorization", TestTokens.bearer(globex.owner()))
        .body("{\"items\":[{\"product_id\":\"" + poster + "\",\"quantity\":1}]}"));
    assertAmounts(noTax.json(), 999, 0, 0, 999);
    assertEquals(403, call(HttpEvents.route("POST /v1/carts").header("Authorization", TestTokens.bearer(acme.member()))
        .body("{}")).status());
  }

  @Test
  void aTokenThatDoesNotVerifyIs401NeverAGuest() {
    for (String token : List.of(TestTokens.expired(acme.owner()), TestTokens.forged(acme.owner()),
        TestTokens.otherAudience(acme.owner()), "Basic dXNlcjpwYXNz", "Bearer not.a.jwt")) {
      HandlerResponse refused = call(HttpEvents.route("POST /v1/carts").header("Authorization", token).body("{}"));
      assertEquals(401, refused.status(), token);
      assertEquals(List.of(), refused.dynamoCalls());
    }
  }

  @Test
  void platformAdminsKeepTheDiscountCodes() {
    String code = "SAVE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    HandlerResponse created = call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"" + code.toLowerCase() + "\",\"percent_off\":15,\"description\":\"Launch\"}"));
    created.assertStatus(201);
    assertEquals(code, created.text("code"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());
    assertEquals(409, call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"" + code + "\",\"percent_off\":5}")).status());
    HandlerResponse read = call(HttpEvents.route("GET /v1/discount-codes/{code}").pathParam("code", code.toLowerCase())
        .claims(ADMIN));
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    HandlerResponse off = call(HttpEvents.route("PATCH /v1/discount-codes/{code}").pathParam("code", code).claims(ADMIN)
        .body("{\"active\":false}"));
    off.assertStatus(200);
    assertFalse(off.json().path("active").asBoolean(true));
    String[] cart = guestCart(mug, 1);
    assertEquals(422, call(guest("POST /v1/carts/{cart_id}/discount", cart[0], cart[1])
        .body("{\"discount_code\":\"" + code + "\"}")).status(), "an inactive code applies to nothing");
    HandlerResponse listed = call(HttpEvents.route("GET /v1/discount-codes").claims(ADMIN));
    assertEquals(List.of("Query"), listed.dynamoCalls());
    assertTrue(listed.raw().contains(code));

    assertEquals(403, call(HttpEvents.route("GET /v1/discount-codes").claims(acme.owner())).status());
    assertEquals(403, call(HttpEvents.route("POST /v1/discount-codes").claims(acme.admin())
        .body("{\"code\":\"MINE1\",\"percent_off\":99}")).status());
    assertEquals(401, call(HttpEvents.route("GET /v1/discount-codes")).status());
    assertEquals(List.of("percent_off", "currency"), bad(call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"BOTH1\",\"percent_off\":5,\"amount_off_cents\":100,\"currency\":\"usd\"}"))));
    assertEquals(List.of("currency"), bad(call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"NOCUR\",\"amount_off_cents\":100}"))));
    assertEquals(List.of("percent_off"), bad(call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN)
        .body("{\"code\":\"TOOMUCH\",\"percent_off\":101}"))));
    assertEquals(List.of("code"), bad(call(HttpEvents.route("PATCH /v1/discount-codes/{code}").pathParam("code", code)
        .claims(ADMIN).body("{\"code\":\"OTHER\"}"))));
    assertEquals(404, call(HttpEvents.route("GET /v1/discount-codes/{code}").pathParam("code", "NONE-SUCH").claims(ADMIN))
        .status());
  }

  // ---------------------------------------------------------------- helpers

  private static void assertAmounts(JsonNode cart, long subtotal, long discount, long tax, long total) {
    assertEquals(List.of(subtotal, discount, tax, total), List.of(cart.path("subtotal_cents").asLong(),
        cart.path("discount_cents").asLong(), cart.path("tax_cents").asLong(), cart.path("total_cents").asLong()),
        cart.toString());
  }

  /** A guest cart holding {@code quantity} of a product: its id and secret. */
  private String[] guestCart(String productId, int quantity) {
    HandlerResponse created = call(HttpEvents.route("POST /v1/carts").body("{\"items\":[{\"product_id\":\"" + productId
        + "\",\"quantity\":" + quantity + "}]}"));
    created.assertStatus(201);
    return new String[] {created.text("id"), created.text("cart_secret")};
  }

  private HttpEvents.Builder guest(String route, String cartId, String secret) {
    return HttpEvents.route(route).pathParam("cart_id", cartId).header(SECRET, secret);
  }

  private HttpEvents.Builder owner(String route, String cartId, Map<String, String> claims) {
    return HttpEvents.route(route).pathParam("cart_id", cartId).header("Authorization", TestTokens.bearer(claims));
  }

  private HttpEvents.Builder claim(String cartId, String secret, Map<String, String> claims) {
    return HttpEvents.route("POST /v1/carts/{cart_id}/claim").pathParam("cart_id", cartId).header(SECRET, secret)
        .claims(claims);
  }

  private HandlerResponse call(HttpEvents.Builder event) {
    return client.call(event.build());
  }

  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  private String product(String name, long cents, String currency, String interval) {
    HandlerResponse created = call(HttpEvents.route("POST /v1/products").claims(ADMIN).body("{\"sku\":\"SKU-"
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"" + name + "\",\"price_cents\":" + cents
        + ",\"currency\":\"" + currency + "\",\"interval\":\"" + interval + "\"}"));
    created.assertStatus(201);
    return created.text("id");
  }

  private DynamoDbEnhancedClient enhanced() {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(env.dynamoDb()).build();
  }

  private void seedDefaultAddress(SeededTenant tenant, String country, String state) {
    TenantId id = new TenantId(tenant.id());
    String addressId = Ids.newId();
    String now = "2026-12-04T10:00:00.000Z";
    BillingAddressItem address = BillingAddressRepository.indexed(id, BillingAddressItem.builder()
        .meta(BillingAddressRepository.newMeta(id, addressId, now))
        .id(addressId).addressType(AddressType.BILLING).fullName("Ada Lovelace").addressLine1("1 Market St")
        .city("San Francisco").state(state).postalCode("94105").countryCode(country).isDefault(true).build());
    enhanced().table(env.tableName(), BillingAddressItem.SCHEMA).putItem(address);
  }

  private void seedRate(String country, String state, String percentage, boolean inclusive) {
    String rateId = Ids.newId();
    TaxRateItem rate = TaxRateRepository.indexed(TaxRateItem.builder()
        .meta(TaxRateRepository.newMeta(rateId, "2026-12-04T10:00:00.000Z"))
        .id(rateId).stripeTaxRateId("txr_" + rateId.substring(0, 8)).displayName("Sales tax").percentage(percentage)
        .jurisdiction(country + "-" + state).countryCode(country).stateCode(state).taxType(TaxType.SALES_TAX)
        .inclusive(inclusive).active(true).build());
    enhanced().table(env.tableName(), TaxRateItem.SCHEMA).putItem(rate);
  }
}
