package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Proof that a trigger already asked for an execution, written with {@code attribute_not_exists}
 * in the transaction of its {@code execution.requested} event, so the same request twice starts
 * nothing twice: a webhook call's digest ({@code PK=T#t#WF#w, SK=HOOK_SEEN#<sha256>}, kept ten
 * minutes: a replay) or a derived execution id ({@code SK=REQUESTED#e}, kept a day: a redelivered
 * event or schedule firing). Expiry is checked by the write itself, as DynamoDB's TTL is late.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTriggerReceiptItem implements StoredItem<TriggerReceiptItem> {

  public static final String ENTITY = "WORKFLOW_TRIGGER_RECEIPT";

  /** The execution the request asked for. */
  public abstract String executionId();

  public static final TableSchema<TriggerReceiptItem> SCHEMA =
      StaticImmutableTableSchema.builder(TriggerReceiptItem.class, TriggerReceiptItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TriggerReceiptItem::builder, TriggerReceiptItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TriggerReceiptItem::meta, TriggerReceiptItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("execution_id").getter(TriggerReceiptItem::executionId)
              .setter(TriggerReceiptItem.Builder::executionId))
          .build();
}
