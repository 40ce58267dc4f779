package com.coditect.dms.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Documents and their list rows: the write parts that keep every row in step with its document
 * (in the document's transaction), and one page of a list partition.
 */
@Singleton
public final class DocumentRepository extends ItemRepository<DocumentItem> {

  private final Queries queries;

  @Inject
  public DocumentRepository(SingleTable table, Queries queries) {
    super(table, DocumentItem.SCHEMA);
    this.queries = queries;
  }

  /** A new document's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String documentId, String now) {
    return ItemMeta.created(DmsKeys.document(tenant, documentId), DocumentItem.ENTITY, now);
  }

  public static Key key(TenantId tenant, String documentId) {
    return DmsKeys.document(tenant, documentId);
  }

  /** Adds a new document and its rows; {@code onExists} if the id is taken. */
  public void createWithRows(WriteTransaction tx, TenantId tenant, DocumentItem document,
      Supplier<? extends RuntimeException> onExists) {
    create(tx, document, onExists);
    DocumentRows.of(tenant, document).forEach(row -> put(tx, row));
  }

  /** A document of the tenant as stored (deleted or not): one GetItem, strongly consistent. */
  public java.util.Optional<DocumentItem> findAny(TenantId tenant, String documentId) {
    return java.util.Optional.ofNullable(table.getItem(r -> r.key(key(tenant, documentId)).consistentRead(true)));
  }

  /**
   * Adds the replacement of {@code before} (read at its version) by {@code after} (the next
   * version): the rows it leaves are deleted, every row it has is written again with its summary.
   */
  public void replaceWithRows(WriteTransaction tx, TenantId tenant, DocumentItem before, DocumentItem after,
      Supplier<? extends RuntimeException> onStale) {
    replace(tx, after, before.version(), onStale);
    List<DocumentItem> rows = DocumentRows.of(tenant, after);
    Set<String> kept = rows.stream().map(DocumentRepository::rowId).collect(Collectors.toSet());
    for (DocumentItem old : DocumentRows.of(tenant, before)) {
      if (!kept.contains(rowId(old))) {
        tx.delete(Key.builder().partitionValue(old.meta().pk()).sortValue(old.meta().sk()).build());
      }
    }
    rows.forEach(row -> put(tx, row));
  }

  /** Checks, in the write, that the project is a live project of the tenant (tenancy's item). */
  public void requireLiveProject(WriteTransaction tx, TenantId tenant, String projectId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.project(tenant, projectId), onMissing);
  }

  /** Checks, in the write, that the folder is still live. */
  public void requireLiveFolder(WriteTransaction tx, TenantId tenant, String folderId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(DmsKeys.folder(tenant, folderId), onMissing);
  }

  /** Checks, in the write, that the user is a live user of the tenant (tenancy's item). */
  public void requireLiveUser(WriteTransaction tx, TenantId tenant, String userId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.user(tenant, userId), onMissing);
  }

  private static String rowId(DocumentItem row) {
    return row.meta().pk() + "\n" + row.meta().sk();
  }

  /** The lists of documents, one partition each (see {@link DmsKeys}). */
  public enum DocumentList { LIVE, DELETED, IN_FOLDER, AT_TOP, OF_PROJECT, OF_OWNER, WITH_TAG, WITH_CHECKSUM, WITH_STATUS }

  /**
   * One page of a list (one {@code Query}), newest first: by id (creation time), or by
   * {@code updated_at} in the status lists. {@code value} is the list's folder, project, owner,
   * tag, checksum or status (null for the lists that take none).
   */
  public ResultPage<DocumentItem> rows(TenantId tenant, DocumentList list, String value, PageRequest page) {
    String partition = switch (list) {
      case LIVE -> DmsKeys.liveDocuments(tenant);
      case DELETED -> DmsKeys.deletedDocuments(tenant);
      case IN_FOLDER -> DmsKeys.documentsInFolder(tenant, value);
      case AT_TOP -> DmsKeys.documentsInFolder(tenant, null);
      case OF_PROJECT -> DmsKeys.documentsOfProject(tenant, value);
      case OF_OWNER -> DmsKeys.documentsOfOwner(tenant, value);
      case WITH_TAG -> DmsKeys.documentsByTag(tenant, value);
      case WITH_CHECKSUM -> DmsKeys.documentsByChecksum(tenant, value);
      case WITH_STATUS -> DmsKeys.documentsByStatus(tenant, value);
    };
    return queries.page(table, null, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), page,
        "documents:" + list + ":" + value, true);
  }
}
