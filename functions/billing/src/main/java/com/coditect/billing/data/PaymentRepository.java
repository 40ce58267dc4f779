package com.coditect.billing.data;

import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads payments by the access patterns of docs/access-patterns.md. */
@Singleton
public final class PaymentRepository extends ItemRepository<PaymentItem> {

  private final Queries queries;
  private final BatchGets reads;

  @Inject
  public PaymentRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, PaymentItem.SCHEMA);
    this.queries = queries;
    this.reads = reads;
  }

  /** A payment (if any) and the idempotency record at a request's key (if any). */
  public record PaymentAndRecord(Optional<PaymentItem> payment, IdempotencyItem record) {}

  /** A payment (if any) and one of its refunds (if any). */
  public record PaymentAndRefund(Optional<PaymentItem> payment, Optional<RefundItem> refund) {}

  /** A payment and a request's idempotency record, read together: one strongly consistent GetItem or BatchGetItem. */
  public PaymentAndRecord findWithRecord(TenantId tenant, String paymentId, Optional<Key> recordKey) {
    Key paymentKey = BillingKeys.payment(tenant, paymentId);
    List<Key> wanted = new ArrayList<>(List.of(paymentKey));
    recordKey.ifPresent(wanted::add);
    BatchGets.Found found = reads.get(wanted);
    return new PaymentAndRecord(found.item(paymentKey, PaymentItem.SCHEMA),
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }

  /** A payment and one of its refunds, read together: one strongly consistent BatchGetItem. */
  public PaymentAndRefund findWithRefund(TenantId tenant, String paymentId, String refundId) {
    Key paymentKey = BillingKeys.payment(tenant, paymentId);
    Key refundKey = BillingKeys.refund(tenant, paymentId, refundId);
    BatchGets.Found found = reads.get(List.of(paymentKey, refundKey));
    return new PaymentAndRefund(found.item(paymentKey, PaymentItem.SCHEMA), found.item(refundKey, RefundItem.SCHEMA));
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
