package com.coditect.tenancy.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads tenants, and claims their slugs; writes go through the services' transactions. */
@Singleton
public final class TenantRepository extends ItemRepository<TenantItem> {


  @Inject
  public TenantRepository(SingleTable table) {
    super(table, TenantItem.SCHEMA);
  }


  /** One GetItem. */
  public Optional<TenantItem> find(TenantId tenant) {
    return Optional.ofNullable(table.getItem(TenancyKeys.tenant(tenant))).filter(t -> !t.isDeleted());
  }

  /** Claims the tenant's slug across the platform; a clash is a 409 naming {@code slug}. */
  public void claimSlug(WriteTransaction tx, String slug, String tenantId) {
    tx.claimPlatformUnique(TenancyKeys.UNIQUE_TENANT_SLUG, slug, tenantId, "slug");
  }

  /**
   * The common attributes of a new tenant: its key, type, first version, timestamps, and its place in
   * the platform's list of tenants (platform jobs page through it; ids are UUIDv7, so oldest first).
   */
  public static ItemMeta newMeta(TenantId tenantId, String now) {
    return ItemMeta.created(TenancyKeys.tenant(tenantId), TenantItem.ENTITY, now)
        .withGsi1pk(CoreKeys.platformTenants())
        .withGsi1sk(tenantId.value());
  }
}
