package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One entry of a task's history: {@code PK=T#t#TASK#k, SK=ACTIVITY#a}; GSI1 lists a user's
 * activity ({@code T#t#USER#u#ACTIVITY}). Old and new values are JSON text. Append-only.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractActivityItem implements StoredItem<ActivityItem> {

  public static final String ENTITY = "TASK_ACTIVITY";

  public abstract String id();

  public abstract String taskId();

  /** Null for a change the platform made (an event's follow-up). */
  public abstract @Nullable String userId();

  public abstract String action();

  public abstract @Nullable String fieldChanged();

  public abstract @Nullable String oldValue();

  public abstract @Nullable String newValue();

  public static final TableSchema<ActivityItem> SCHEMA =
      StaticImmutableTableSchema.builder(ActivityItem.class, ActivityItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ActivityItem::builder, ActivityItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ActivityItem::meta, ActivityItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ActivityItem::id).setter(ActivityItem.Builder::id))
          .addAttribute(String.class, a -> a.name("task_id").getter(ActivityItem::taskId)
              .setter(ActivityItem.Builder::taskId))
          .addAttribute(String.class, a -> a.name("user_id").getter(ActivityItem::userId)
              .setter(ActivityItem.Builder::userId))
          .addAttribute(String.class, a -> a.name("action").getter(ActivityItem::action)
              .setter(ActivityItem.Builder::action))
          .addAttribute(String.class, a -> a.name("field_changed").getter(ActivityItem::fieldChanged)
              .setter(ActivityItem.Builder::fieldChanged))
          .addAttribute(String.class, a -> a.name("old_value").getter(ActivityItem::oldValue)
              .setter(ActivityItem.Builder::oldValue))
          .addAttribute(String.class, a -> a.name("new_value").getter(ActivityItem::newValue)
              .setter(ActivityItem.Builder::newValue))
          .build();
}
