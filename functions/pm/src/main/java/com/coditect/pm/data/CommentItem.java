package com.coditect.pm.data;

import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A comment on a task, in the task's partition:
 *
 * <pre>
 * PK            SK           entity_type    serves
 * T#t#TASK#k    COMMENT#c    TASK_COMMENT   one comment (GetItem / BatchGetItem with its task);
 *                                           a task's comments newest first (Query SK begins_with COMMENT#,
 *                                           descending: ids are UUIDv7, so SK order is creation order)
 * </pre>
 *
 * The content is Markdown exactly as written; HTML is rendered on read. Soft-deleted comments keep
 * their row with {@code deleted_at} and are filtered out of lists.
 */
public final class CommentItem extends TableItem {

  public static final String ENTITY = "TASK_COMMENT";

  public String id;
  public String taskId;
  public String authorId;
  public String content;

  public static final TableSchema<CommentItem> SCHEMA =
      StaticTableSchema.builder(CommentItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(CommentItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("task_id").getter(i -> i.taskId).setter((i, v) -> i.taskId = v))
          .addAttribute(String.class, a -> a.name("author_id").getter(i -> i.authorId).setter((i, v) -> i.authorId = v))
          .addAttribute(String.class, a -> a.name("content").getter(i -> i.content).setter((i, v) -> i.content = v))
          .build();
}
