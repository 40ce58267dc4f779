package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Reads task attachments by the access patterns of docs/access-patterns.md; the keys and checks of their writes. */
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

  /** The key of an attachment of a task, for the read that fetches it with its task. */
  public static Key key(TenantId tenant, String taskId, String attachmentId) {
    return PmKeys.attachment(tenant, taskId, attachmentId);
  }

  /** A new attachment's key (in its task's partition), entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String taskId, String attachmentId, String now) {
    return ItemMeta.created(key(tenant, taskId, attachmentId), AttachmentItem.ENTITY, now);
  }


  /** Adds the removal of an attachment read at its version; {@code onStale} if it changed since. */
  public void delete(WriteTransaction tx, TenantId tenant, AttachmentItem attachment,
      Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(key(tenant, attachment.taskId(), attachment.id()), attachment.version(), onStale);
  }
}
