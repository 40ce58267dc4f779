package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The anchor of one of a live task's child lists ({@link TaskChildLists}): keys and entity type
 * only, right above the list's rows in the task's partition.
 *
 * <pre>
 * PK            SK                                           entity_type
 * T#t#TASK#k    COMMENT$ | ATTACHMENT$ | ACTIVITY$           TASK_LIST_ANCHOR
 * </pre>
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTaskListAnchor implements StoredItem<TaskListAnchor> {

  public static final String ENTITY = "TASK_LIST_ANCHOR";

  public static final TableSchema<TaskListAnchor> SCHEMA =
      StaticImmutableTableSchema.builder(TaskListAnchor.class, TaskListAnchor.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TaskListAnchor::builder, TaskListAnchor.Builder::build)
          .flatten(ItemMeta.SCHEMA, TaskListAnchor::meta, TaskListAnchor.Builder::meta)
          .build();
}
