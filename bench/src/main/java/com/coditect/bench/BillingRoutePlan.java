package com.coditect.bench;

import com.coditect.billing.DaggerTestBillingComponent;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.Json;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per billing route (template.yaml's BillingFunction), counting the
 * DynamoDB calls and write units of each, as the tenant's owner. The dearer form is sent where
 * there is one: creates carry an {@code Idempotency-Key} and take the default from an address that
 * held it, the PATCH an {@code If-Match} and makes another address the default.
 */
final class BillingRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final RouteCalls calls;

  BillingRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(DaggerTestBillingComponent.factory()
        .create(config, StripeMock.config(), TestInterceptors.of(counter, meter)).handler(), counter, meter);
  }

  /** Sends one request per billing route as the tenant's owner and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant) {
    Map<String, String> owner = tenant.owner();
    // Not counted: the default the measured create takes over.
    String first = calls.measure("POST /v1/billing-addresses", event -> event.path("/v1/billing-addresses")
        .claims(owner).body(address("First default").toString())).text("id");
    calls.clear();

    call("POST /v1/billing-addresses", event -> event.path("/v1/billing-addresses").claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString()).body(address("Bench Billing").toString()));
    call("GET /v1/billing-addresses", event -> event.path("/v1/billing-addresses").claims(owner)
        .query("is_default", "true"));
    Reply read = call("GET /v1/billing-addresses/{address_id}", event -> event.path("/v1/billing-addresses/" + first)
        .pathParam("address_id", first).claims(owner));
    call("PATCH /v1/billing-addresses/{address_id}", event -> event.path("/v1/billing-addresses/" + first)
        .pathParam("address_id", first).claims(owner).header("If-Match", read.etag())
        .body(body().put("is_default", true).put("city", "Shelbyville").toString()));
    call("DELETE /v1/billing-addresses/{address_id}", event -> event.path("/v1/billing-addresses/" + first)
        .pathParam("address_id", first).claims(owner));
    return calls.counts();
  }

  private static ObjectNode address(String name) {
    return body().put("full_name", name).put("address_line1", "742 Evergreen Terrace").put("city", "Springfield")
        .put("postal_code", "49007").put("country_code", "US").put("is_default", true);
  }

  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }
}
