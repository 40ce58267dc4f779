package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subscriptions on moto and stripe-mock: created with a trial and an anchor (the tenant's Stripe
 * customer made once), upgraded with a proration preview, cancelled now or at the period's end;
 * then synced from Stripe's subscription and invoice events through the template's rule, in any
 * order, with the invoice listed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionRoutesIT {

  private BillingApi api;
  private StripeWebhooks webhooks;
  private BillingEvents events;
  private SeededTenant acme;
  private SeededTenant globex;
  private String monthly;
  private String yearly;
  private String mug;

  @BeforeAll
  void start() {
    api = new BillingApi("subscriptions");
    webhooks = new StripeWebhooks(api);
    events = new BillingEvents(api);
    acme = tenant("ACME");
    globex = tenant("GLOBEX");
    monthly = product("month", true);
    yearly = product("year", true);
    mug = product("one_time", true);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aSubscriptionWithATrialMakesTheTenantsStripeCustomerOnce() {
    HandlerResponse created = create(acme.owner(), "{\"product_id\":\"" + monthly + "\",\"trial_days\":14}");
    created.assertStatus(201);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), created.dynamoCalls());
    assertTrue(created.text("stripe_subscription_id").startsWith("sub_"), created.raw());
    Instant start = Instant.parse(created.text("trial_start"));
    assertEquals(Duration.ofDays(14), Duration.between(start, Instant.parse(created.text("trial_end"))));
    Map<String, AttributeValue> tenant = tenantItem(acme);
    String customer = tenant.get("stripe_customer_id").s();
    assertTrue(customer.startsWith("cus_"), tenant.toString());
    assertEquals(created.text("stripe_subscription_id"), tenant.get("stripe_subscription_id").s());

    HandlerResponse second = create(acme.owner(), "{\"product_id\":\"" + yearly + "\",\"billing_cycle_anchor\":15}");
    second.assertStatus(201);
    assertEquals(15, second.json().path("billing_cycle_anchor").asInt());
    assertNull(second.json().path("trial_end").textValue());
    assertEquals(customer, tenantItem(acme).get("stripe_customer_id").s(), "one Stripe customer per tenant");
    assertEquals(1, outbox("subscription.created", created.text("id")).size());

    HandlerResponse read = get(acme.admin(), created.text("id"));
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    HandlerResponse listed = call(HttpEvents.route("GET /v1/subscriptions").claims(acme.owner()));
    assertEquals(List.of("Query"), listed.dynamoCalls());
    assertTrue(listed.raw().contains(created.text("id")) && listed.raw().contains(second.text("id")));
  }

  @Test
  void anIdempotencyKeyMakesOneSubscriptionAndItsReplayAsksStripeNothing() {
    String key = "subscribe-" + UUID.randomUUID();
    String body = "{\"product_id\":\"" + yearly + "\"}";
    HandlerResponse first = call(HttpEvents.route("POST /v1/subscriptions").claims(acme.owner())
        .header("Idempotency-Key", key).body(body));
    first.assertStatus(201);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), first.dynamoCalls(),
        "the idempotency record is read with the tenant and the product");
    HandlerResponse replay = call(HttpEvents.route("POST /v1/subscriptions").claims(acme.owner())
        .header("Idempotency-Key", key).body(body));
    replay.assertStatus(201);
    assertEquals("true", replay.header("Idempotent-Replayed"));
    assertEquals(first.json(), replay.json());
    assertEquals(List.of("BatchGetItem"), replay.dynamoCalls(), "a replay writes nothing");
    assertEquals(422, call(HttpEvents.route("POST /v1/subscriptions").claims(acme.owner())
        .header("Idempotency-Key", key).body("{\"product_id\":\"" + monthly + "\"}")).status(),
        "the same key with another body");
  }

  @Test
  void anUpgradeShowsItsProrationFirstAndAPreviewChangesNothing() {
    String id = create(acme.owner(), "{\"product_id\":\"" + monthly + "\"}").text("id");
    HandlerResponse preview = patch(acme.owner(), id, "{\"product_id\":\"" + yearly + "\",\"preview\":true}");
    preview.assertStatus(200);
    assertFalse(preview.json().path("proration_preview").isNull(), preview.raw());
    assertTrue(preview.json().path("proration_preview").has("amount_due_cents"));
    assertEquals(monthly, preview.text("product_id"), "a preview changes nothing");
    assertEquals("\"1\"", preview.header("ETag"));

    HandlerResponse upgraded = patch(acme.owner(), id, "{\"product_id\":\"" + yearly + "\"}");
    upgraded.assertStatus(200);
    assertEquals(yearly, upgraded.text("product_id"));
    assertEquals("\"2\"", upgraded.header("ETag"));
    assertFalse(upgraded.json().path("proration_preview").isNull());
    assertTrue(get(acme.owner(), id).json().path("proration_preview").isNull());
    assertEquals(1, outbox("subscription.updated", id).size());
  }

  @Test
  void cancellingAtPeriodEndKeepsItAndCancellingNowEndsIt() {
    String id = create(acme.owner(), "{\"product_id\":\"" + monthly + "\"}").text("id");
    HandlerResponse scheduled = cancel(acme.owner(), id, "{\"at_period_end\":true}");
    scheduled.assertStatus(200);
    assertTrue(scheduled.json().path("cancel_at_period_end").asBoolean());
    assertEquals(1, outbox("subscription.cancel_scheduled", id).size());

    HandlerResponse now = cancel(acme.owner(), id, "{}");
    now.assertStatus(200);
    assertEquals("canceled", now.text("status"));
    assertNotNull(now.text("canceled_at"));
    assertEquals(409, cancel(acme.owner(), id, "{}").status(), "an ended subscription ends once");
    assertEquals(409, patch(acme.owner(), id, "{\"product_id\":\"" + yearly + "\"}").status());
  }

  @Test
  void badInputAndOtherTenantsAndRoles() {
    assertEquals(List.of("product_id"), bad(create(acme.owner(), "{}")));
    assertEquals(List.of("product_id"), bad(create(acme.owner(), "{\"product_id\":null}")));
    assertEquals(List.of("trial_days"), bad(create(acme.owner(), "{\"product_id\":\"" + monthly + "\",\"trial_days\":0}")));
    assertEquals(List.of("billing_cycle_anchor"),
        bad(create(acme.owner(), "{\"product_id\":\"" + monthly + "\",\"billing_cycle_anchor\":32}")));
    assertEquals(List.of("body"), bad(create(acme.owner(), "{\"product_id\":")));
    HandlerResponse once = create(acme.owner(), "{\"product_id\":\"" + mug + "\"}");
    assertEquals(422, once.status());
    assertEquals(List.of("product_id"), once.errorFields());
    assertEquals(422, create(acme.owner(), "{\"product_id\":\"" + Ids.newId() + "\"}").status());
    assertEquals(403, create(acme.member(), "{\"product_id\":\"" + monthly + "\"}").status());
    assertEquals(401, call(HttpEvents.route("POST /v1/subscriptions").body("{\"product_id\":\"" + monthly + "\"}")).status());

    String id = create(acme.owner(), "{\"product_id\":\"" + monthly + "\"}").text("id");
    assertEquals(List.of("product_id"), bad(patch(acme.owner(), id, "{\"product_id\":null,\"preview\":true}")));
    assertEquals(404, get(globex.owner(), id).status());
    assertEquals(404, patch(globex.owner(), id, "{\"product_id\":\"" + yearly + "\"}").status());
    assertEquals(404, cancel(globex.owner(), id, "{}").status());
    assertEquals(403, get(acme.member(), id).status());
    assertFalse(call(HttpEvents.route("GET /v1/subscriptions").claims(globex.owner())).raw().contains(id));
    HandlerResponse billing = get(api.billingUser(acme), id);
    billing.assertStatus(200);
  }

  @Test
  void stripesSubscriptionEventsSetTheStatusAndAnOlderOneChangesNothing() {
    HandlerResponse created = create(acme.owner(), "{\"product_id\":\"" + monthly + "\",\"trial_days\":14}");
    String id = created.text("id");
    String stripeId = created.text("stripe_subscription_id");
    long t = Instant.now().getEpochSecond();
    long trialEnd = t + 14 * 86_400;
    List<String> deliveries = List.of(
        subscriptionEvent("customer.subscription.created", stripeId, "trialing", t, trialEnd),
        subscriptionEvent("customer.subscription.trial_will_end", stripeId, "trialing", t + 11 * 86_400, trialEnd),
        subscriptionEvent("customer.subscription.updated", stripeId, "active", t + 14 * 86_400, trialEnd),
        subscriptionEvent("customer.subscription.updated", stripeId, "past_due", t + 44 * 86_400, trialEnd));
    // Delivered newest first, then again in order: the newest wins either way.
    for (int i = deliveries.size() - 1; i >= 0; i--) {
      webhooks.deliver(deliveries.get(i)).assertStatus(200);
    }
    events.pump();
    HandlerResponse synced = get(acme.owner(), id);
    assertEquals("past_due", synced.text("status"));
    assertEquals(trialEnd, Instant.parse(synced.text("trial_end")).getEpochSecond());
    String etag = synced.header("ETag");
    deliveries.forEach(delivery -> webhooks.deliver(delivery).assertStatus(200));
    events.pump();
    assertEquals(etag, get(acme.owner(), id).header("ETag"), "replays change nothing");
    assertEquals(1, outbox("subscription.past_due", id).size());

    webhooks.deliver(subscriptionEvent("customer.subscription.deleted", stripeId, "canceled", t + 60 * 86_400, trialEnd))
        .assertStatus(200);
    events.pump();
    assertEquals("canceled", get(acme.owner(), id).text("status"));
  }

  @Test
  void trialWillEndIsRecordedForTheAuditLog() {
    HandlerResponse created = create(acme.owner(), "{\"product_id\":\"" + monthly + "\",\"trial_days\":14}");
    long t = Instant.now().getEpochSecond();
    webhooks.deliver(subscriptionEvent("customer.subscription.trial_will_end", created.text("stripe_subscription_id"),
        "trialing", t + 60, t + 14 * 86_400)).assertStatus(200);
    events.pump();
    assertEquals(1, outbox("subscription.trial_will_end", created.text("id")).size());
    assertEquals("trialing", get(acme.owner(), created.text("id")).text("status"));
  }

  @Test
  void stripesInvoiceEventsMakeTheInvoiceInAnyOrder() {
    HandlerResponse created = create(globex.owner(), "{\"product_id\":\"" + monthly + "\",\"trial_days\":14}");
    String subscription = created.text("id");
    String customer = tenantItem(globex).get("stripe_customer_id").s();
    String invoice = "in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    long t = Instant.now().getEpochSecond();
    String stripeSub = created.text("stripe_subscription_id");
    List<String> deliveries = List.of(
        invoiceEvent("invoice.created", invoice, customer, stripeSub, "draft", 0, t),
        invoiceEvent("invoice.finalized", invoice, customer, stripeSub, "open", 0, t + 60),
        invoiceEvent("invoice.payment_failed", invoice, customer, stripeSub, "open", 0, t + 120),
        invoiceEvent("invoice.paid", invoice, customer, stripeSub, "paid", 4_900, t + 180));
    // paid first, then the rest late: it stays paid.
    webhooks.deliver(deliveries.get(3)).assertStatus(200);
    events.pump();
    for (int i = 0; i < 3; i++) {
      webhooks.deliver(deliveries.get(i)).assertStatus(200);
    }
    events.pump();

    HandlerResponse listed = call(HttpEvents.route("GET /v1/invoices").query("subscription_id", subscription)
        .claims(globex.owner()));
    listed.assertStatus(200);
    assertEquals(List.of("Query"), listed.dynamoCalls());
    assertEquals(1, listed.json().path("items").size(), listed.raw());
    JsonNode synced = listed.json().path("items").get(0);
    assertEquals("paid", synced.path("status").asText());
    assertEquals(4_900, synced.path("amount_paid_cents").asLong());
    assertTrue(synced.path("hosted_invoice_url").asText().startsWith("https://"), synced.toString());
    assertEquals(invoice, synced.path("stripe_invoice_id").asText());
    HandlerResponse one = call(HttpEvents.route("GET /v1/invoices/{invoice_id}")
        .pathParam("invoice_id", synced.path("id").asText()).claims(globex.admin()));
    one.assertStatus(200);
    assertEquals(List.of("GetItem"), one.dynamoCalls());
    assertEquals(404, call(HttpEvents.route("GET /v1/invoices/{invoice_id}").pathParam("invoice_id", synced.path("id").asText())
        .claims(acme.owner())).status());
    assertEquals(403, call(HttpEvents.route("GET /v1/invoices").claims(globex.member())).status());

    webhooks.deliver(invoiceEvent("invoice.paid", "in_notours" + UUID.randomUUID().toString().substring(0, 8),
        "cus_notours", null, "paid", 100, t)).assertStatus(200);
    assertEquals(1, events.pump(), "an invoice of no customer of ours is acknowledged and ignored");
  }

  // ---------------------------------------------------------------- helpers

  private String subscriptionEvent(String type, String stripeId, String status, long created, long trialEnd) {
    return webhooks.event(type, "/v1/subscriptions/" + stripeId, created, subscription -> {
      subscription.put("id", stripeId);
      subscription.put("status", status);
      subscription.put("trial_start", trialEnd - 14 * 86_400);
      subscription.put("trial_end", trialEnd);
      subscription.put("cancel_at_period_end", false);
    });
  }

  private String invoiceEvent(String type, String invoiceId, String customer, String stripeSubscription, String status,
      long paid, long created) {
    return webhooks.event(type, "/v1/invoices/" + invoiceId, created, invoice -> {
      invoice.put("id", invoiceId);
      invoice.put("customer", customer);
      invoice.put("status", status);
      invoice.put("amount_due", 4_900);
      invoice.put("amount_paid", paid);
      invoice.put("currency", "usd");
      invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_test/" + invoiceId);
      invoice.remove("subscription");
      if (stripeSubscription != null) {
        invoice.putObject("parent").put("type", "subscription_details").putObject("subscription_details")
            .put("subscription", stripeSubscription);
      } else {
        invoice.putNull("parent");
      }
    });
  }

  private String product(String interval, boolean active) {
    String id = Ids.newId();
    Key key = CoreKeys.product(id);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS(key.partitionKeyValue().s()));
    item.put("SK", AttributeValue.fromS(key.sortKeyValue().get().s()));
    item.put("id", AttributeValue.fromS(id));
    item.put("interval", AttributeValue.fromS(interval));
    item.put("active", AttributeValue.fromBool(active));
    item.put("stripe_price_id", AttributeValue.fromS("price_" + id.replace("-", "").substring(0, 14)));
    api.env.dynamoDb().putItem(r -> r.tableName(api.env.tableName()).item(item));
    return id;
  }

  /** A seeded tenant with its tenant item, as tenancy writes it (the subscription reads its name and Stripe customer). */
  private SeededTenant tenant(String name) {
    SeededTenant tenant = api.env.seedTenant(name);
    Key key = CoreKeys.tenant(new TenantId(tenant.id()));
    api.env.dynamoDb().putItem(r -> r.tableName(api.env.tableName()).item(Map.of("PK", key.partitionKeyValue(),
        "SK", key.sortKeyValue().get(), "entity_type", AttributeValue.fromS("TENANT"), "id", AttributeValue.fromS(tenant.id()),
        "name", AttributeValue.fromS(name + " Inc."), "billing_email", AttributeValue.fromS("billing@" + name.toLowerCase()
            + ".example"), "version", AttributeValue.fromN("1"))));
    return tenant;
  }

  private Map<String, AttributeValue> tenantItem(SeededTenant tenant) {
    Key key = CoreKeys.tenant(new TenantId(tenant.id()));
    return api.env.dynamoDb().getItem(r -> r.tableName(api.env.tableName()).consistentRead(true)
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().get()))).item();
  }

  private List<JsonNode> outbox(String action, String id) {
    return api.env.outboxEvents().stream().filter(e -> action.equals(e.path("action").asText())
        && id.equals(e.path("resource_id").asText())).toList();
  }

  private HandlerResponse call(HttpEvents.Builder event) {
    return api.call(event.build());
  }

  private HandlerResponse create(Map<String, String> claims, String body) {
    return call(HttpEvents.route("POST /v1/subscriptions").claims(claims).body(body));
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return call(HttpEvents.route("GET /v1/subscriptions/{subscription_id}").pathParam("subscription_id", id).claims(claims));
  }

  private HandlerResponse patch(Map<String, String> claims, String id, String body) {
    return call(HttpEvents.route("PATCH /v1/subscriptions/{subscription_id}").pathParam("subscription_id", id)
        .claims(claims).body(body));
  }

  private HandlerResponse cancel(Map<String, String> claims, String id, String body) {
    return call(HttpEvents.route("POST /v1/subscriptions/{subscription_id}/cancel").pathParam("subscription_id", id)
        .claims(claims).body(body));
  }

  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }
}
