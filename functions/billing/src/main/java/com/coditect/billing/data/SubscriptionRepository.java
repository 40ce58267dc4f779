package com.coditect.billing.data;

import com.coditect.billing.model.SubscriptionStatus;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A tenant's subscriptions, by the access patterns of docs/access-patterns.md. */
@Singleton
public final class SubscriptionRepository extends ItemRepository<SubscriptionItem> {

  private static final Expression NO_OTHER_CUSTOMER = Expression.builder()
      .expression("attribute_exists(PK) AND (attribute_not_exists(stripe_customer_id) OR stripe_customer_id = :customer)")
      .build();

  private final Queries queries;
  private final BatchGets reads;

  /** A product of the catalog as billing sees it (commerce's item, read by its shared key). */
  public record CatalogPlan(String productId, String interval, boolean active, String stripePriceId) {}

  /** What billing reads of the tenant item: its name, billing email and Stripe customer (if any yet). */
  public record TenantBilling(String name, String billingEmail, String stripeCustomerId) {}

  /** What a subscription's create reads: the tenant, the product, and the request's idempotency record (null: none). */
  public record CreateReads(Optional<TenantBilling> tenant, Optional<CatalogPlan> plan, IdempotencyItem record) {}

  /** What a plan change reads. */
  public record ChangeReads(Optional<SubscriptionItem> subscription, Optional<TenantBilling> tenant,
      Optional<CatalogPlan> plan) {}

  @Inject
  public SubscriptionRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, SubscriptionItem.SCHEMA);
    this.queries = queries;
    this.reads = reads;
  }

  /**
   * The tenant, the product and the idempotency record at {@code recordKey} (if the request has a
   * key): one strongly consistent BatchGetItem.
   */
  public CreateReads findForCreate(TenantId tenant, String productId, Optional<Key> recordKey) {
    Key tenantKey = CoreKeys.tenant(tenant);
    Key productKey = CoreKeys.product(productId);
    List<Key> keys = new ArrayList<>(List.of(tenantKey, productKey));
    recordKey.ifPresent(keys::add);
    BatchGets.Found found = reads.get(keys);
    return new CreateReads(found.raw(tenantKey).map(SubscriptionRepository::tenantBilling),
        found.raw(productKey).map(item -> plan(productId, item)),
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }

  /** The subscription, the tenant and the new product: one strongly consistent BatchGetItem. */
  public ChangeReads findForChange(TenantId tenant, String subscriptionId, String productId) {
    Key subscriptionKey = BillingKeys.subscription(tenant, subscriptionId);
    Key tenantKey = CoreKeys.tenant(tenant);
    Key productKey = CoreKeys.product(productId);
    BatchGets.Found found = reads.get(List.of(subscriptionKey, tenantKey, productKey));
    return new ChangeReads(found.item(subscriptionKey, SubscriptionItem.SCHEMA),
        found.raw(tenantKey).map(SubscriptionRepository::tenantBilling),
        found.raw(productKey).map(item -> plan(productId, item)));
  }

  /**
   * Records the tenant's Stripe customer and newest subscription on the tenant item, at a new
   * version (so a tenancy write that read the old one is refused, not silently overwritten); fails
   * with {@code onOtherCustomer} if the tenant got another customer meanwhile.
   */
  public void setTenantStripeIds(WriteTransaction tx, TenantId tenant, String customerId, String stripeSubscriptionId,
      String now, Supplier<? extends RuntimeException> onOtherCustomer) {
    tx.update(CoreKeys.tenant(tenant), "SET stripe_customer_id = :customer, stripe_subscription_id = :subscription, "
            + "version = version + :one, updated_at = :now",
        Map.of(":customer", AttributeValue.fromS(customerId), ":subscription", AttributeValue.fromS(stripeSubscriptionId),
            ":one", AttributeValue.fromN("1"), ":now", AttributeValue.fromS(now)),
        NO_OTHER_CUSTOMER, onOtherCustomer);
  }

  private static TenantBilling tenantBilling(Map<String, AttributeValue> item) {
    return new TenantBilling(text(item, "name"), text(item, "billing_email"), text(item, "stripe_customer_id"));
  }

  private static CatalogPlan plan(String productId, Map<String, AttributeValue> item) {
    AttributeValue active = item.get("active");
    return new CatalogPlan(productId, text(item, "interval"), active == null || !Boolean.FALSE.equals(active.bool()),
        text(item, "stripe_price_id"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** One subscription: one GetItem (strongly consistent before a webhook's change of it). */
  public Optional<SubscriptionItem> find(TenantId tenant, String subscriptionId, boolean consistent) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.subscription(tenant, subscriptionId))
        .consistentRead(consistent)));
  }

  /** The tenant's subscriptions, newest first; {@code status} narrows them with a filter expression. */
  public ResultPage<SubscriptionItem> list(TenantId tenant, Optional<SubscriptionStatus> status, PageRequest page) {
    String partition = BillingKeys.subscriptions(tenant);
    Expression filter = status.map(s -> Expression.builder().expression("#status = :status")
        .expressionNames(Map.of("#status", "status")).expressionValues(Map.of(":status", AttributeValue.fromS(s.apiName())))
        .build()).orElse(null);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, partition + "|" + status.map(SubscriptionStatus::apiName).orElse(""), true);
  }

  public static ItemMeta newMeta(TenantId tenant, String subscriptionId, String now) {
    return ItemMeta.created(BillingKeys.subscription(tenant, subscriptionId), SubscriptionItem.ENTITY, now);
  }

  public static SubscriptionItem indexed(TenantId tenant, SubscriptionItem subscription) {
    return subscription.withIndex1(BillingKeys.subscriptions(tenant), subscription.id());
  }
}
