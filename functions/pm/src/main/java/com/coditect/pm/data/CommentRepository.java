package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Reads task comments by the access patterns of docs/access-patterns.md; the keys and checks of their writes. */
@Singleton
public final class CommentRepository extends ItemRepository<CommentItem> {

  private static final Expression LIVE = Expression.builder().expression("attribute_not_exists(deleted_at)").build();

  private final TaskChildLists lists;

  @Inject
  public CommentRepository(SingleTable table, TaskChildLists lists) {
    super(table, CommentItem.SCHEMA);
    this.lists = lists;
  }


  /**
   * A live task's live comments, newest first: one Query on the task's partition (empty when the
   * task is unknown or deleted, see {@link TaskChildLists}). Deleted comments are filtered out after
   * the read, so a page may be shorter than the limit and still have a cursor.
   */
  public Optional<ResultPage<CommentItem>> listLive(TenantId tenant, String taskId, PageRequest page) {
    return lists.newestFirst(table, tenant, taskId, PmKeys.COMMENT, LIVE, page);
  }

  /** The key of a comment of a task, for the read that fetches it with its task. */
  public static Key key(TenantId tenant, String taskId, String commentId) {
    return PmKeys.comment(tenant, taskId, commentId);
  }

  /** A new comment's key (in its task's partition), entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String taskId, String commentId, String now) {
    return ItemMeta.created(key(tenant, taskId, commentId), CommentItem.ENTITY, now);
  }

}
