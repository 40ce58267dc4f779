package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The receipts that make a trigger's request for an execution count once (see {@link TriggerReceiptItem}). */
@Singleton
public final class TriggerReceiptRepository extends ItemRepository<TriggerReceiptItem> {

  /** A signed webhook call is refused as a replay this long (twice the timestamp tolerance). */
  public static final Duration HOOK_SEEN_FOR = Duration.ofMinutes(10);
  /** A redelivered event or schedule firing is recognised this long (EventBridge retries for a day at most). */
  public static final Duration REQUESTED_FOR = Duration.ofDays(1);

  @Inject
  public TriggerReceiptRepository(SingleTable table) {
    super(table, TriggerReceiptItem.SCHEMA);
  }

  /** Adds the receipt of a webhook call whose signed content has digest {@code digestHex}; {@code onReplay} if seen. */
  public void markHookSeen(WriteTransaction tx, TenantId tenant, String workflowId, String digestHex,
      String executionId, String now, long nowEpochSeconds, Supplier<? extends RuntimeException> onReplay) {
    claim(tx, WorkflowKeys.webhookSeen(tenant, workflowId, digestHex), executionId, now,
        nowEpochSeconds, HOOK_SEEN_FOR, onReplay);
  }

  /** Adds the receipt of a request for {@code executionId}; {@code onDuplicate} if it was asked for already. */
  public void markRequested(WriteTransaction tx, TenantId tenant, String workflowId, String executionId, String now,
      long nowEpochSeconds, Supplier<? extends RuntimeException> onDuplicate) {
    claim(tx, WorkflowKeys.triggerRequested(tenant, workflowId, executionId), executionId, now,
        nowEpochSeconds, REQUESTED_FOR, onDuplicate);
  }

  // A receipt whose time is up counts as gone even while DynamoDB has not removed it yet.
  private void claim(WriteTransaction tx, Key key, String executionId, String now, long nowEpochSeconds,
      Duration keep, Supplier<? extends RuntimeException> onTaken) {
    TriggerReceiptItem receipt = TriggerReceiptItem.builder()
        .meta(ItemMeta.at(key, TriggerReceiptItem.ENTITY).withCreatedAt(now).withTtl(nowEpochSeconds + keep.toSeconds()))
        .executionId(executionId)
        .build();
    Expression unclaimed = Expression.builder()
        .expression("attribute_not_exists(PK) OR #ttl <= :now")
        .expressionNames(Map.of("#ttl", "ttl"))
        .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(nowEpochSeconds))))
        .build();
    tx.include(table, receipt, unclaimed, onTaken);
  }
}
