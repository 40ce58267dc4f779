package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An active workflow's event trigger: {@code PK=T#t#WF_TRIGGERS, SK=EVENT#w}, written by the
 * definitions part on publish and removed on pause, archive and delete. All of a tenant's rows are
 * one partition, so matching a platform event against the tenant's triggers is one Query, and no
 * other tenant's trigger is ever read. {@code pattern} is the EventBridge pattern as JSON text.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractEventTriggerItem implements StoredItem<EventTriggerItem> {

  public static final String ENTITY = "WORKFLOW_EVENT_TRIGGER";

  public abstract String workflowId();

  public abstract Long workflowVersion();

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
