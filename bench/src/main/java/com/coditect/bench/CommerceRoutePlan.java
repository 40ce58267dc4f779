package com.coditect.bench;

import com.coditect.billing.DaggerTestBillingComponent;
import com.coditect.commerce.DaggerTestCommerceComponent;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.Json;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestTokens;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per commerce route (template.yaml's CommerceFunction), counting the
 * DynamoDB calls and write units of each: the catalog read by a guest, written by a platform
 * administrator with an {@code Idempotency-Key} and an {@code If-Match} (the PATCH changes the
 * amount, so it makes a new Stripe price too); a discount code kept by the platform administrator;
 * a guest's cart filled with its secret, claimed by the tenant's owner (with the tax of the
 * tenant's default billing address) and checked out; the order listed and read. Stripe calls are
 * not counted.
 */
final class CommerceRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final Map<String, String> PLATFORM_ADMIN = HttpEvents.platformAdminClaims(
      "00000000-0000-7000-8000-00000000c000");
  private static final String SECRET = "X-Cart-Secret";

  private final RouteCalls calls;
  private final RouteCalls billing;
  private String monthlyProductId;

  CommerceRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(DaggerTestCommerceComponent.factory().create(config, StripeMock.config(),
        TestTokens.config(), TestInterceptors.of(counter, meter)).handler(), counter, meter);
    DynamoDbCallCounter billingCounter = new DynamoDbCallCounter();
    this.billing = new RouteCalls(DaggerTestBillingComponent.factory().create(config, StripeMock.config(),
        TestInterceptors.of(billingCounter, meter)).handler(), billingCounter, meter);
  }

  /** Sends one request per commerce route and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant) {
    // Not counted: the tenant's default billing address (checkout's tax), made through the billing
    // function, and two products a cart may hold.
    billing.measure("POST /v1/billing-addresses", event -> event.path("/v1/billing-addresses").claims(tenant.owner())
        .body(body().put("full_name", "Bench Buyer").put("address_line1", "1 Market St").put("city", "San Francisco")
            .put("state", "CA").put("postal_code", "94105").put("country_code", "US").put("is_default", true)
            .toString()));
    String mug = product("Bench mug", 1_250, "one_time");
    String poster = product("Bench poster", 999, "one_time");
    calls.clear();

    String plan = product("Bench plan", 4_900, "month");
    monthlyProductId = plan;
    call("GET /v1/products", event -> event.path("/v1/products").query("interval", "month"));
    Reply read = call("GET /v1/products/{product_id}", event -> event.path("/v1/products/" + plan)
        .pathParam("product_id", plan));
    call("PATCH /v1/products/{product_id}", event -> event.path("/v1/products/" + plan)
        .pathParam("product_id", plan).claims(PLATFORM_ADMIN).header("If-Match", read.etag())
        .body(body().put("price_cents", 5_900).toString()));

    String code = "BENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    call("POST /v1/discount-codes", event -> event.path("/v1/discount-codes").claims(PLATFORM_ADMIN)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("code", code).put("percent_off", 10).toString()));
    call("GET /v1/discount-codes", event -> event.path("/v1/discount-codes").claims(PLATFORM_ADMIN));
    Reply codeRead = call("GET /v1/discount-codes/{code}", event -> event.path("/v1/discount-codes/" + code)
        .pathParam("code", code).claims(PLATFORM_ADMIN));
    call("PATCH /v1/discount-codes/{code}", event -> event.path("/v1/discount-codes/" + code).pathParam("code", code)
        .claims(PLATFORM_ADMIN).header("If-Match", codeRead.etag()).body(body().put("description", "Bench").toString()));

    ObjectNode items = body();
    items.putArray("items").addObject().put("product_id", mug).put("quantity", 2);
    Reply cart = call("POST /v1/carts", event -> event.path("/v1/carts").body(items.toString()));
    String id = cart.text("id");
    String secret = cart.text("cart_secret");
    call("GET /v1/carts/{cart_id}", event -> event.path("/v1/carts/" + id).pathParam("cart_id", id).header(SECRET, secret));
    call("POST /v1/carts/{cart_id}/items", event -> event.path("/v1/carts/" + id + "/items").pathParam("cart_id", id)
        .header(SECRET, secret).body(body().put("product_id", poster).put("quantity", 1).toString()));
    ObjectNode more = body();
    more.putArray("items").addObject().put("product_id", mug).put("quantity", 3);
    more.withArray("items").addObject().put("product_id", poster).put("quantity", 1);
    call("PATCH /v1/carts/{cart_id}", event -> event.path("/v1/carts/" + id).pathParam("cart_id", id)
        .header(SECRET, secret).body(more.toString()));
    call("DELETE /v1/carts/{cart_id}/items/{product_id}", event -> event.path("/v1/carts/" + id + "/items/" + poster)
        .pathParam("cart_id", id).pathParam("product_id", poster).header(SECRET, secret));
    call("POST /v1/carts/{cart_id}/discount", event -> event.path("/v1/carts/" + id + "/discount")
        .pathParam("cart_id", id).header(SECRET, secret).body(body().put("discount_code", code).toString()));
    call("POST /v1/carts/{cart_id}/claim", event -> event.path("/v1/carts/" + id + "/claim").pathParam("cart_id", id)
        .header(SECRET, secret).claims(tenant.owner()));
    String order = call("POST /v1/carts/{cart_id}/checkout", event -> event.path("/v1/carts/" + id + "/checkout")
        .pathParam("cart_id", id).claims(tenant.owner()).header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{}")).text("id");
    call("GET /v1/orders", event -> event.path("/v1/orders").claims(tenant.owner()));
    call("GET /v1/orders/{order_id}", event -> event.path("/v1/orders/" + order).pathParam("order_id", order)
        .claims(tenant.owner()));
    return calls.counts();
  }

  /** The monthly product {@link #run} made, for the billing plan's subscription. */
  String monthlyProductId() {
    return monthlyProductId;
  }

  private String product(String name, long cents, String interval) {
    return call("POST /v1/products", event -> event.path("/v1/products").claims(PLATFORM_ADMIN)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("sku", "BENCH-" + UUID.randomUUID().toString().substring(0, 8)).put("name", name)
            .put("price_cents", cents).put("currency", "usd").put("interval", interval).toString())).text("id");
  }

  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }
}
