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

/** The tenant's DMS storage counter, changed only conditionally on the version read. */
@Singleton
public final class DmsUsageRepository extends ItemRepository<DmsUsageItem> {

  @Inject
  public DmsUsageRepository(SingleTable table) {
    super(table, DmsUsageItem.SCHEMA);
  }

  public static Key key(TenantId tenant) {
    return DmsKeys.usage(tenant);
  }

  /**
   * Adds the counter's change to {@code total} bytes, from {@code read} (null: no counter yet);
   * {@code onStale} if another change got there first. Returns the counter as written.
   */
  public DmsUsageItem change(WriteTransaction tx, TenantId tenant, DmsUsageItem read, long total, String now,
      Supplier<? extends RuntimeException> onStale) {
    if (read == null) {
      DmsUsageItem first = DmsUsageItem.builder().meta(ItemMeta.created(key(tenant), DmsUsageItem.ENTITY, now))
          .storageUsedBytes(total).build();
      create(tx, first, onStale);
      return first;
    }
    DmsUsageItem next = read.withStorageUsedBytes(total).nextVersion(now);
    replace(tx, next, read.version(), onStale);
    return next;
  }
}
