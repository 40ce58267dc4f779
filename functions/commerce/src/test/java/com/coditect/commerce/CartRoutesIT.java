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
    HandlerResponse tooMany = call(HttpEvents.route("POST /v1/carts").body("{\"items\":[{\"product_id\":\"" + mug
        + "\",\"quantity\":600},{\"product_id\":\"" + mug + "\",\"quantity\":600}]}"));
    assertEquals(422, tooMany.status(), "each item is well-formed; together they pass the cart's limit");
    assertEquals(List.of("items[0].quantity"), tooMany.errorFields());
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
    assertEquals(List.of("quantity"), bad(call(guest("POST /v1/carts/{cart_id}/items", cart[0], cart[1])
        .body("{\"product_id\":\"" + mug + "\",\"quantity\":null}"))));
    assertEquals(List.of("items[0].product_id"), bad(call(HttpEvents.route("POST /v1/carts")
        .body("{\"items\":[{\"product_id\":null,\"quantity\":1}]}"))));
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

  @Test
  void checkoutMakesOneOrderWithItsIntentAndPendingPaymentAndReplaysTheSame() {
    String cart = ownedCart(acme, mug, 2, "WELCOME10");
    HandlerResponse noKey = call(checkout(cart, acme.owner(), null));
    assertEquals(List.of("Idempotency-Key"), bad(noKey));

    String key = "checkout-" + UUID.randomUUID();
    HandlerResponse placed = call(checkout(cart, billing(acme), key));
    placed.assertStatus(201);
    String orderId = placed.text("id");
    assertEquals(cart, orderId, "one order per cart: the order's id is the cart's");
    assertEquals("/v1/orders/" + orderId, placed.header("Location"));
    assertEquals(List.of("GetItem", "GetItem", "BatchGetItem", "Query", "Query", "TransactWriteItems"),
        placed.dynamoCalls());
    assertEquals("pending", placed.text("status"));
    // 25.00 - 2.50 = 22.50; 7.25 % = 1.63125 -> 1.63; total 24.13.
    assertAmounts(placed.json(), 2_500, 250, 163, 2_413);
    assertTrue(placed.text("stripe_payment_intent_id").startsWith("pi_"), placed.raw());
    assertFalse(placed.json().path("client_secret").isNull());
    assertEquals("US", placed.json().path("billing_details").path("country_code").asText());
    assertEquals(placed.json().path("billing_details"), placed.json().path("shipping_address"));
    assertEquals("7.25", placed.json().path("tax_rates").get(0).path("percentage").asText());
    String paymentId = placed.text("payment_id");

    HandlerResponse replay = call(checkout(cart, billing(acme), key));
    replay.assertStatus(201);
    assertEquals("true", replay.header("Idempotent-Replayed"));
    assertEquals(placed.json(), replay.json(), "the same order and the same intent");
    HandlerResponse again = call(checkout(cart, acme.owner(), "checkout-" + UUID.randomUUID()));
    assertEquals(409, again.status(), again.raw());

    HandlerResponse order = call(HttpEvents.route("GET /v1/orders/{order_id}").pathParam("order_id", orderId)
        .claims(acme.admin()));
    order.assertStatus(200);
    assertEquals(List.of("GetItem"), order.dynamoCalls());
    assertTrue(order.json().path("client_secret").isNull(), "the client secret is in the checkout's answer only");
    assertEquals(paymentId, order.text("payment_id"));
    HandlerResponse listed = call(HttpEvents.route("GET /v1/orders").claims(acme.owner()));
    assertEquals(List.of("Query"), listed.dynamoCalls());
    assertTrue(listed.raw().contains(orderId));
    assertEquals("checked_out", call(owner("GET /v1/carts/{cart_id}", cart, acme.owner())).text("status"));
    assertEquals(409, call(owner("POST /v1/carts/{cart_id}/items", cart, acme.owner())
        .body("{\"product_id\":\"" + poster + "\",\"quantity\":1}")).status(), "a checked-out cart changes no more");

    List<JsonNode> payments = env.outboxEvents().stream().filter(e -> "payment.created".equals(e.path("action").asText())
        && paymentId.equals(e.path("resource_id").asText())).toList();
    assertEquals(1, payments.size());
    assertEquals(acme.id(), payments.get(0).path("tenant_id").asText());
    assertEquals(1, env.outboxEvents().stream().filter(e -> "order.created".equals(e.path("action").asText())
        && orderId.equals(e.path("resource_id").asText())).count());
  }

  @Test
  void checkoutRefusesWhatItCannotChargeAndWritesNothing() {
    String cart = ownedCart(acme, mug, 1, null);
    assertEquals(403, call(checkout(cart, acme.member(), "k-" + UUID.randomUUID())).status());
    assertEquals(404, call(checkout(cart, globex.owner(), "k-" + UUID.randomUUID())).status());
    assertEquals(404, call(checkout(Ids.newId(), acme.owner(), "k-" + UUID.randomUUID())).status());
    assertEquals(List.of("shipping_address_id"), bad(call(checkout(cart, acme.owner(), "k-" + UUID.randomUUID())
        .body("{\"shipping_address_id\":\"nope\"}"))));
    HandlerResponse noSuchAddress = call(checkout(cart, acme.owner(), "k-" + UUID.randomUUID())
        .body("{\"shipping_address_id\":\"" + Ids.newId() + "\"}"));
    assertEquals(422, noSuchAddress.status());
    assertEquals(List.of("shipping_address_id"), noSuchAddress.errorFields());

    String untaxed = ownedCart(globex, mug, 1, null);
    HandlerResponse noAddress = call(checkout(untaxed, globex.owner(), "k-" + UUID.randomUUID()));
    assertEquals(422, noAddress.status());
    assertEquals(List.of("billing_address"), noAddress.errorFields());

    String empty = ownedCart(acme, mug, 1, null);
    call(owner("PATCH /v1/carts/{cart_id}", empty, acme.owner()).body("{\"items\":[]}")).assertStatus(200);
    HandlerResponse nothing = call(checkout(empty, acme.owner(), "k-" + UUID.randomUUID()));
    assertEquals(422, nothing.status());
    assertEquals(List.of("items"), nothing.errorFields());

    String retiring = product("Limited", 500, "usd", "one_time");
    String stale = ownedCart(acme, retiring, 1, null);
    call(HttpEvents.route("PATCH /v1/products/{product_id}").pathParam("product_id", retiring).claims(ADMIN)
        .body("{\"active\":false}")).assertStatus(200);
    HandlerResponse retired = call(checkout(stale, acme.owner(), "k-" + UUID.randomUUID()));
    assertEquals(422, retired.status());
    assertEquals(List.of("items[0].product_id"), retired.errorFields());
    assertEquals("open", call(owner("GET /v1/carts/{cart_id}", stale, acme.owner())).text("status"));
    assertEquals(404, call(HttpEvents.route("GET /v1/orders/{order_id}").pathParam("order_id", stale)
        .claims(acme.owner())).status());
  }

  @Test
  void aFreeOrderIsPaidWithoutAnIntent() {
    call(HttpEvents.route("POST /v1/discount-codes").claims(ADMIN).body("{\"code\":\"ALL-FREE\",\"percent_off\":100}"))
        .assertStatus(201);
    String cart = ownedCart(acme, poster, 1, "ALL-FREE");
    HandlerResponse placed = call(checkout(cart, acme.owner(), "k-" + UUID.randomUUID()));
    placed.assertStatus(201);
    assertEquals("paid", placed.text("status"));
    assertAmounts(placed.json(), 999, 999, 0, 0);
    assertTrue(placed.json().path("payment_id").isNull());
    assertTrue(placed.json().path("stripe_payment_intent_id").isNull());
    assertFalse(placed.json().path("paid_at").isNull());
  }

  @Test
  void ordersAreTheTenantsAndTheBillingRolesOnly() {
    String cart = ownedCart(acme, poster, 1, null);
    String orderId = call(checkout(cart, acme.owner(), "k-" + UUID.randomUUID())).text("id");
    assertEquals(404, call(HttpEvents.route("GET /v1/orders/{order_id}").pathParam("order_id", orderId)
        .claims(globex.owner())).status());
    assertFalse(call(HttpEvents.route("GET /v1/orders").claims(globex.owner())).raw().contains(orderId));
    assertEquals(403, call(HttpEvents.route("GET /v1/orders").claims(acme.member())).status());
    assertEquals(401, call(HttpEvents.route("GET /v1/orders")).status());
    assertEquals(List.of("order_id"), bad(call(HttpEvents.route("GET /v1/orders/{order_id}").pathParam("order_id", "x")
        .claims(acme.owner()))));
    assertEquals(List.of("status"), bad(call(HttpEvents.route("GET /v1/orders").query("status", "shipped")
        .claims(acme.owner()))));
    assertTrue(call(HttpEvents.route("GET /v1/orders").query("status", "pending").claims(acme.owner())).raw()
        .contains(orderId));
    assertFalse(call(HttpEvents.route("GET /v1/orders").query("status", "paid").claims(acme.owner())).raw()
        .contains(orderId));
  }

  // ---------------------------------------------------------------- helpers

  /** A cart of {@code tenant}'s owner holding {@code quantity} of a product, with a discount code or none. */
  private String ownedCart(SeededTenant tenant, String productId, int quantity, String code) {
    HandlerResponse created = call(HttpEvents.route("POST /v1/carts").header("Authorization", TestTokens.bearer(tenant.owner()))
        .body("{\"items\":[{\"product_id\":\"" + productId + "\",\"quantity\":" + quantity + "}]"
            + (code == null ? "" : ",\"discount_code\":\"" + code + "\"") + "}"));
    created.assertStatus(201);
    return created.text("id");
  }

  /** A user of the tenant with the billing role (SeededTenant has none). */
  private static Map<String, String> billing(SeededTenant tenant) {
    return HttpEvents.claims("01a24000-0000-7000-8000-00000000b111", tenant.id(), "billing");
  }

  private HttpEvents.Builder checkout(String cartId, Map<String, String> claims, String key) {
    HttpEvents.Builder event = HttpEvents.route("POST /v1/carts/{cart_id}/checkout").pathParam("cart_id", cartId)
        .claims(claims).body("{}");
    return key == null ? event : event.header("Idempotency-Key", key);
  }

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
