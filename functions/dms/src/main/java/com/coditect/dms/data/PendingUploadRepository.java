package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Announced uploads waiting for {@code complete}. */
@Singleton
public final class PendingUploadRepository extends ItemRepository<PendingUploadItem> {

  @Inject
  public PendingUploadRepository(SingleTable table) {
    super(table, PendingUploadItem.SCHEMA);
  }

  /** A pending upload's key under its document, expiring at {@code ttl} (epoch seconds). */
  public static ItemMeta newMeta(TenantId tenant, String documentId, long versionNumber, String now, long ttl) {
    return ItemMeta.created(key(tenant, documentId, versionNumber), PendingUploadItem.ENTITY, now).withTtl(ttl);
  }

  public static Key key(TenantId tenant, String documentId, long versionNumber) {
    return DmsKeys.pendingUpload(tenant, documentId, versionNumber);
  }

  /**
   * Adds a pending upload that replaces an expired or earlier one for the same version number
   * (announcing again starts over), unconditionally.
   */
  public void announce(WriteTransaction tx, PendingUploadItem upload) {
    put(tx, upload);
  }

  /** Adds the removal of the upload read at its version; {@code onGone} if it was completed or replaced since. */
  public void finish(WriteTransaction tx, TenantId tenant, PendingUploadItem upload,
      Supplier<? extends RuntimeException> onGone) {
    tx.deleteVersioned(key(tenant, upload.documentId(), upload.versionNumber()), upload.version(), onGone);
  }
}
