package com.coditect.pm.data;

import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One entry of a task's history: {@code PK=T#t#TASK#k, SK=ACTIVITY#a}; GSI1 lists a user's
 * activity ({@code T#t#USER#u#ACTIVITY}). Old and new values are JSON text. Append-only.
 */
public final class ActivityItem extends TableItem {

  public static final String ENTITY = "TASK_ACTIVITY";

  public String id;
  public String taskId;
  public String userId;
  public String action;
  public String fieldChanged;
  public String oldValue;
  public String newValue;

  public static final TableSchema<ActivityItem> SCHEMA =
      StaticTableSchema.builder(ActivityItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(ActivityItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("task_id").getter(i -> i.taskId).setter((i, v) -> i.taskId = v))
          .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
          .addAttribute(String.class, a -> a.name("action").getter(i -> i.action).setter((i, v) -> i.action = v))
          .addAttribute(String.class, a -> a.name("field_changed").getter(i -> i.fieldChanged)
              .setter((i, v) -> i.fieldChanged = v))
          .addAttribute(String.class, a -> a.name("old_value").getter(i -> i.oldValue).setter((i, v) -> i.oldValue = v))
          .addAttribute(String.class, a -> a.name("new_value").getter(i -> i.newValue).setter((i, v) -> i.newValue = v))
          .build();
}
