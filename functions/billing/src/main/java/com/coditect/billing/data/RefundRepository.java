package com.coditect.billing.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads refunds by the access patterns of docs/access-patterns.md. */
@Singleton
public final class RefundRepository extends ItemRepository<RefundItem> {

  private final Queries queries;

  @Inject
  public RefundRepository(SingleTable table, Queries queries) {
    super(table, RefundItem.SCHEMA);
    this.queries = queries;
  }

  /** One refund of a payment: one strongly consistent GetItem. */
  public Optional<RefundItem> find(TenantId tenant, String paymentId, String refundId) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.refund(tenant, paymentId, refundId)).consistentRead(true)));
  }

  /** A payment's refunds, newest first: one Query of its partition. */
  public ResultPage<RefundItem> listByPayment(TenantId tenant, String paymentId, PageRequest page) {
    String partition = BillingKeys.paymentPartition(tenant, paymentId);
    return queries.page(table, null, QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition)
        .sortValue(BillingKeys.refundPrefix()).build()), page, partition, true);
  }

  /** The tenant's refunds, newest first: one Query on GSI1. */
  public ResultPage<RefundItem> listByTenant(TenantId tenant, PageRequest page) {
    String partition = BillingKeys.refunds(tenant);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        page, partition, true);
  }

  public static ItemMeta newMeta(TenantId tenant, String paymentId, String refundId, String now) {
    return ItemMeta.created(BillingKeys.refund(tenant, paymentId, refundId), RefundItem.ENTITY, now);
  }

  public static RefundItem indexed(TenantId tenant, RefundItem refund) {
    return refund.withIndex1(BillingKeys.refunds(tenant), refund.id());
  }
}
