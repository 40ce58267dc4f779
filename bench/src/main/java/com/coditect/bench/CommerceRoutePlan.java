package com.coditect.bench;

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
 * administrator with an {@code Idempotency-Key} and an {@code If-Match}; the PATCH changes the
 * amount, so it makes a new Stripe price too (Stripe calls are not counted).
 */
final class CommerceRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final Map<String, String> PLATFORM_ADMIN = HttpEvents.platformAdminClaims(
      "00000000-0000-7000-8000-00000000c000");

  private final RouteCalls calls;

  CommerceRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(DaggerTestCommerceComponent.factory().create(config, StripeMock.config(),
        TestTokens.config(), TestInterceptors.of(counter, meter)).handler(), counter, meter);
  }

  /** Sends one request per commerce route and returns the counts, in the order sent. */
  List<RouteCount> run() {
    String product = call("POST /v1/products", event -> event.path("/v1/products").claims(PLATFORM_ADMIN)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("sku", "BENCH-" + UUID.randomUUID().toString().substring(0, 8)).put("name", "Bench plan")
            .put("price_cents", 4_900).put("currency", "usd").put("interval", "month").toString())).text("id");
    call("GET /v1/products", event -> event.path("/v1/products").query("interval", "month"));
    Reply read = call("GET /v1/products/{product_id}", event -> event.path("/v1/products/" + product)
        .pathParam("product_id", product));
    call("PATCH /v1/products/{product_id}", event -> event.path("/v1/products/" + product)
        .pathParam("product_id", product).claims(PLATFORM_ADMIN).header("If-Match", read.etag())
        .body(body().put("price_cents", 5_900).toString()));
    return calls.counts();
  }

  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }
}
