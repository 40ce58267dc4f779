package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractCommentItem implements StoredItem<CommentItem> {

  public static final String ENTITY = "TASK_COMMENT";

  public abstract String id();

  public abstract String taskId();

  public abstract String authorId();

  public abstract String content();

  public static final TableSchema<CommentItem> SCHEMA =
      StaticImmutableTableSchema.builder(CommentItem.class, CommentItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(CommentItem::builder, CommentItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, CommentItem::meta, CommentItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(CommentItem::id).setter(CommentItem.Builder::id))
          .addAttribute(String.class, a -> a.name("task_id").getter(CommentItem::taskId)
              .setter(CommentItem.Builder::taskId))
          .addAttribute(String.class, a -> a.name("author_id").getter(CommentItem::authorId)
              .setter(CommentItem.Builder::authorId))
          .addAttribute(String.class, a -> a.name("content").getter(CommentItem::content)
              .setter(CommentItem.Builder::content))
          .build();
}
