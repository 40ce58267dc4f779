package com.coditect.tenancy.domain;

import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.data.TenantRepository;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The tenant's {@code storage_used_bytes}, kept from the document function's {@code storage.changed}
 * events. Each carries the exact total and the version of DMS's usage counter it was read at, so
 * events arriving late, twice or out of order never put an older total over a newer one.
 */
@Singleton
public final class StorageUsage {

  private final TenantRepository tenants;

  @Inject
  StorageUsage(TenantRepository tenants) {
    this.tenants = tenants;
  }

  /** Stores {@code bytes} if report {@code sequence} is newer than the stored one; true when stored. */
  public boolean reported(TenantId tenant, long bytes, long sequence) {
    return tenants.recordStorageUsed(tenant, bytes, sequence);
  }
}
