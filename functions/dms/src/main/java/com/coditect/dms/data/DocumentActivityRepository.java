package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A document's activity rows: appended in the transaction of the action they record. */
@Singleton
public final class DocumentActivityRepository extends ItemRepository<DocumentActivityItem> {

  @Inject
  public DocumentActivityRepository(SingleTable table) {
    super(table, DocumentActivityItem.SCHEMA);
  }

  /** An activity row's key under its document, its entity type and its time; append-only, so unversioned. */
  public static ItemMeta newMeta(TenantId tenant, String documentId, String activityId, String now) {
    return ItemMeta.at(DmsKeys.activity(tenant, documentId, activityId), DocumentActivityItem.ENTITY)
        .withCreatedAt(now);
  }

  /** Adds {@code row} (keyed by {@link #newMeta}) under its document, and in its user's activity if it has a user. */
  public void append(WriteTransaction tx, TenantId tenant, DocumentActivityItem row) {
    put(tx, row.userId() == null ? row : row.withIndex1(DmsKeys.activityOfUser(tenant, row.userId()), row.id()));
  }
}
