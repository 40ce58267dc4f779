package com.coditect.pm.data;

import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads task attachments by the access patterns of docs/access-patterns.md. */
@Singleton
public final class AttachmentRepository {

  private final DynamoDbTable<AttachmentItem> table;
  private final Queries queries;

  @Inject
  public AttachmentRepository(SingleTable table, Queries queries) {
    this.table = table.view(AttachmentItem.SCHEMA);
    this.queries = queries;
  }

  public DynamoDbTable<AttachmentItem> table() {
    return table;
  }

  /** A task's attachments, pending ones included, newest first: one Query on the task's partition. */
  public ResultPage<AttachmentItem> list(TenantId tenant, String taskId, PageRequest page) {
    String partition = PmKeys.taskPartition(tenant, taskId);
    QueryConditional attachments = QueryConditional.sortBeginsWith(
        Key.builder().partitionValue(partition).sortValue(PmKeys.ATTACHMENT + "#").build());
    return queries.page(table, null, attachments, page, partition + "#" + PmKeys.ATTACHMENT, true);
  }
}
