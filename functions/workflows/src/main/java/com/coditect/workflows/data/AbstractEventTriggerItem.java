package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The event trigger of an active workflow: {@code PK=T#t#WF_TRIGGERS, SK=EVENT#w}, so the tenant's
 * event triggers are one Query for the part that matches platform events against them. Written in
 * the transaction that publishes the workflow (or edits it while active, with the new version and
 * pattern) and removed in the one that pauses, archives or deletes it.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractEventTriggerItem implements StoredItem<EventTriggerItem> {

  public static final String ENTITY = "WORKFLOW_EVENT_TRIGGER";

  public abstract String workflowId();

  /** The version an execution it starts runs. */
  public abstract Long workflowVersion();

  /** The EventBridge pattern as JSON text, as validated (Event Ruler compiles it). */
  public abstract String pattern();

  public static final TableSchema<EventTriggerItem> SCHEMA =
      StaticImmutableTableSchema.builder(EventTriggerItem.class, EventTriggerItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(EventTriggerItem::builder, EventTriggerItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, EventTriggerItem::meta, EventTriggerItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("workflow_id").getter(EventTriggerItem::workflowId)
              .setter(EventTriggerItem.Builder::workflowId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(EventTriggerItem::workflowVersion)
              .setter(EventTriggerItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("pattern").getter(EventTriggerItem::pattern)
              .setter(EventTriggerItem.Builder::pattern))
          .build();
}
