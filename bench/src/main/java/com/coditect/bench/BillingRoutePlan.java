package com.coditect.bench;

import com.coditect.billing.DaggerTestBillingComponent;
import com.coditect.billing.TestBillingComponent;
import com.coditect.billing.domain.InvoiceEvent;
import com.coditect.billing.domain.PaymentService;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.Actor;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One representative request per billing route (template.yaml's BillingFunction), counting the
 * DynamoDB calls and write units of each, as the tenant's owner (a platform administrator for
 * the tax rates' writes). The dearer form is sent where there is one: creates carry an
 * {@code Idempotency-Key}; an address create takes the default from an address that held it, its
 * PATCH makes another the default; the payment is succeeded by a signed webhook whose stored event
 * the events handler applies (not counted) before it is refunded in part.
 */
final class BillingRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final Map<String, String> PLATFORM_ADMIN = HttpEvents.platformAdminClaims(
      "00000000-0000-7000-8000-00000000be00");

  private final TestBillingComponent component;
  private final String tableName;
  private final RouteCalls calls;

  BillingRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.tableName = config.tableName();
    this.component = DaggerTestBillingComponent.factory().create(config, StripeMock.config(),
        TestInterceptors.of(counter, meter));
    this.calls = new RouteCalls(component.handler(), counter, meter);
  }

  /** Sends one request per billing route and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant, String monthlyProductId) {
    Map<String, String> owner = tenant.owner();
    // Not counted: the default the measured create takes over, and the payment checkout would make.
    String first = calls.measure("POST /v1/billing-addresses", event -> event.path("/v1/billing-addresses")
        .claims(owner).body(address("First default").toString())).text("id");
    String payment = pendingPayment(tenant);
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

    String rate = call("POST /v1/tax-rates", event -> event.path("/v1/tax-rates").claims(PLATFORM_ADMIN)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("display_name", "NY sales tax").put("percentage", "8.875").put("jurisdiction", "US-NY")
            .put("country_code", "US").put("state_code", "NY").put("tax_type", "sales_tax").toString())).text("id");
    call("GET /v1/tax-rates", event -> event.path("/v1/tax-rates").query("country_code", "US").query("state_code", "NY"));
    Reply rateRead = call("GET /v1/tax-rates/{tax_rate_id}", event -> event.path("/v1/tax-rates/" + rate)
        .pathParam("tax_rate_id", rate));
    call("PATCH /v1/tax-rates/{tax_rate_id}", event -> event.path("/v1/tax-rates/" + rate).pathParam("tax_rate_id", rate)
        .claims(PLATFORM_ADMIN).header("If-Match", rateRead.etag()).body(body().put("display_name", "NY State sales tax")
            .toString()));

    String stripeEvent = call("POST /v1/webhooks/stripe", event -> signed(event.path("/v1/webhooks/stripe"),
        succeeded("pi_" + payment.replace("-", "")))).text("event_id");
    component.eventsHandler().handleRequest(Map.of("source", "coditect.billing", "detail-type", "stripe.event_received",
        "detail", Map.of("stripe_event_id", stripeEvent)), null);
    call("GET /v1/payments", event -> event.path("/v1/payments").claims(owner).query("status", "succeeded"));
    call("GET /v1/payments/{payment_id}", event -> event.path("/v1/payments/" + payment).pathParam("payment_id", payment)
        .claims(owner));
    call("POST /v1/payments/{payment_id}/refunds", event -> event.path("/v1/payments/" + payment + "/refunds")
        .pathParam("payment_id", payment).claims(owner).header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("amount_cents", 1_000).put("reason", "requested_by_customer").toString()));
    call("GET /v1/refunds", event -> event.path("/v1/refunds").claims(owner).query("payment_id", payment));

    Reply subscription = call("POST /v1/subscriptions", event -> event.path("/v1/subscriptions").claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body().put("product_id", monthlyProductId).put("trial_days", 14).toString()));
    String subscriptionId = subscription.text("id");
    call("GET /v1/subscriptions", event -> event.path("/v1/subscriptions").claims(owner));
    Reply subscriptionRead = call("GET /v1/subscriptions/{subscription_id}", event -> event
        .path("/v1/subscriptions/" + subscriptionId).pathParam("subscription_id", subscriptionId).claims(owner));
    call("PATCH /v1/subscriptions/{subscription_id}", event -> event.path("/v1/subscriptions/" + subscriptionId)
        .pathParam("subscription_id", subscriptionId).claims(owner).header("If-Match", subscriptionRead.etag())
        .body(body().put("product_id", monthlyProductId).put("preview", true).toString()));
    // Not counted: the invoice Stripe's invoice.paid event makes (the events handler applies it).
    component.invoiceService().apply(new InvoiceEvent("in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
        stripeCustomer(tenant), subscription.text("stripe_subscription_id"), "BENCH-0001", "paid", 4_900, 4_900, "usd",
        "https://invoice.stripe.com/i/bench", null, null, Instant.now().getEpochSecond(), false));
    String invoiceId = call("GET /v1/invoices", event -> event.path("/v1/invoices").claims(owner)
        .query("subscription_id", subscriptionId)).json().path("items").get(0).path("id").asText();
    call("GET /v1/invoices/{invoice_id}", event -> event.path("/v1/invoices/" + invoiceId)
        .pathParam("invoice_id", invoiceId).claims(owner));
    call("POST /v1/subscriptions/{subscription_id}/cancel", event -> event
        .path("/v1/subscriptions/" + subscriptionId + "/cancel").pathParam("subscription_id", subscriptionId)
        .claims(owner).body(body().put("at_period_end", true).toString()));
    return calls.counts();
  }

  /** The tenant's Stripe customer, as its first subscription left it on the tenant item. */
  private String stripeCustomer(RoutePlan.Tenant tenant) {
    Key key = CoreKeys.tenant(new TenantId(tenant.id()));
    try (DynamoDbClient dynamo = AwsTestEnvironment.onMoto(DynamoDbClient.builder()).build()) {
      return dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
          .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow()))).item()
          .get("stripe_customer_id").s();
    }
  }

  /** A pending payment of a PaymentIntent named after it, as checkout writes one. */
  private String pendingPayment(RoutePlan.Tenant tenant) {
    TenantId tenantId = new TenantId(tenant.id());
    String id = Ids.newId();
    WriteTransaction tx = component.transactions().begin();
    component.paymentService().record(tx, tenantId, Actor.system("bench"), PaymentService.pending(tenantId, id, null,
        "pi_" + id.replace("-", ""), 5_000, "usd", Timestamps.now(Clock.systemUTC())));
    tx.commit();
    return id;
  }

  private static String succeeded(String intentId) {
    ObjectNode event = body().put("id", "evt_" + UUID.randomUUID().toString().replace("-", "")).put("object", "event")
        .put("type", "payment_intent.succeeded").put("created", Instant.now().getEpochSecond());
    event.putObject("data").putObject("object").put("id", intentId).put("object", "payment_intent")
        .put("status", "succeeded").put("latest_charge", "ch_bench");
    return event.toString();
  }

  private static HttpEvents.Builder signed(HttpEvents.Builder event, String payload) {
    long now = Instant.now().getEpochSecond();
    try {
      return event.body(payload).header("Stripe-Signature", "t=" + now + ",v1="
          + Webhook.Util.computeHmacSha256(StripeMock.WEBHOOK_SECRET, now + "." + payload));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
