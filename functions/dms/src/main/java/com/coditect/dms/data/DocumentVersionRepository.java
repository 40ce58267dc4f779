package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A document's versions: created once each (the key is the (document, version_number) uniqueness), listed newest first. */
@Singleton
public final class DocumentVersionRepository extends ItemRepository<DocumentVersionItem> {

  private final Queries queries;

  @Inject
  public DocumentVersionRepository(SingleTable table, Queries queries) {
    super(table, DocumentVersionItem.SCHEMA);
    this.queries = queries;
  }

  /** A new version's key under its document; versions are never changed, so unversioned themselves. */
  public static ItemMeta newMeta(TenantId tenant, String documentId, long versionNumber, String now) {
    return ItemMeta.at(key(tenant, documentId, versionNumber), DocumentVersionItem.ENTITY).withCreatedAt(now);
  }

  public static Key key(TenantId tenant, String documentId, long versionNumber) {
    return DmsKeys.version(tenant, documentId, versionNumber);
  }

  /** One page of the document's versions, newest first: one {@code Query} on its partition. */
  public ResultPage<DocumentVersionItem> newestFirst(TenantId tenant, String documentId, PageRequest page) {
    QueryConditional versions = QueryConditional.sortBeginsWith(k -> k
        .partitionValue(DmsKeys.documentPartition(tenant, documentId)).sortValue(DmsKeys.versionPrefix()));
    return queries.page(table, null, versions, page, "versions:" + documentId, true);
  }
}
