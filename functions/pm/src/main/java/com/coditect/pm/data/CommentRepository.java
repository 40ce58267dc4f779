package com.coditect.pm.data;

import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads task comments by the access patterns of docs/access-patterns.md. */
@Singleton
public final class CommentRepository {

  private static final Expression LIVE = Expression.builder().expression("attribute_not_exists(deleted_at)").build();

  private final DynamoDbTable<CommentItem> table;
  private final Queries queries;

  @Inject
  public CommentRepository(SingleTable table, Queries queries) {
    this.table = table.view(CommentItem.SCHEMA);
    this.queries = queries;
  }

  public DynamoDbTable<CommentItem> table() {
    return table;
  }

  /**
   * A task's live comments, newest first: one Query on the task's partition. Deleted comments are
   * filtered out after the read, so a page may be shorter than the limit and still have a cursor.
   */
  public ResultPage<CommentItem> listLive(TenantId tenant, String taskId, PageRequest page) {
    String partition = PmKeys.taskPartition(tenant, taskId);
    QueryConditional comments = QueryConditional.sortBeginsWith(
        Key.builder().partitionValue(partition).sortValue(PmKeys.COMMENT + "#").build());
    return queries.page(table, null, comments, LIVE, page, partition + "#" + PmKeys.COMMENT, true);
  }
}
