package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads tenants; writes go through the services' transactions. */
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
}
