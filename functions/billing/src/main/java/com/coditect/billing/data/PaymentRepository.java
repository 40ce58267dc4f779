package com.coditect.billing.data;

import com.coditect.billing.model.PaymentStatus;
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

/** Reads payments by the access patterns of docs/access-patterns.md. */
@Singleton
public final class PaymentRepository extends ItemRepository<PaymentItem> {

  private final Queries queries;

  @Inject
  public PaymentRepository(SingleTable table, Queries queries) {
    super(table, PaymentItem.SCHEMA);
    this.queries = queries;
  }

  /** One payment: one GetItem (strongly consistent when it is read to be changed). */
  public Optional<PaymentItem> find(TenantId tenant, String paymentId, boolean consistent) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.payment(tenant, paymentId)).consistentRead(consistent)));
  }

  /** The tenant's payments newest first, all (GSI1) or with one status (GSI2): one Query. */
  public ResultPage<PaymentItem> list(TenantId tenant, Optional<PaymentStatus> status, PageRequest page) {
    String partition = status.map(s -> BillingKeys.paymentsWithStatus(tenant, s)).orElse(BillingKeys.payments(tenant));
    return queries.page(table, status.isPresent() ? ItemMeta.GSI2 : ItemMeta.GSI1,
        QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()), page, partition, true);
  }

  public static ItemMeta newMeta(TenantId tenant, String paymentId, String now) {
    return ItemMeta.created(BillingKeys.payment(tenant, paymentId), PaymentItem.ENTITY, now);
  }

  /** {@code payment} with the index keys of the tenant's list and of its status. */
  public static PaymentItem indexed(TenantId tenant, PaymentItem payment) {
    return payment.withIndex1(BillingKeys.payments(tenant), payment.id())
        .withIndex2(BillingKeys.paymentsWithStatus(tenant, payment.status()), payment.id());
  }
}
