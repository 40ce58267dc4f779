package com.coditect.pm.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads task attachments by the access patterns of docs/access-patterns.md. */
@Singleton
public final class AttachmentRepository extends ItemRepository<AttachmentItem> {

  private final TaskChildLists lists;

  @Inject
  public AttachmentRepository(SingleTable table, TaskChildLists lists) {
    super(table, AttachmentItem.SCHEMA);
    this.lists = lists;
  }


  /**
   * A live task's attachments, pending ones included, newest first: one Query on the task's
   * partition (empty when the task is unknown or deleted, see {@link TaskChildLists}).
   */
  public Optional<ResultPage<AttachmentItem>> list(TenantId tenant, String taskId, PageRequest page) {
    return lists.newestFirst(table, tenant, taskId, PmKeys.ATTACHMENT, null, page);
  }
}
