package com.coditect.shared.tenancy;

import java.util.Locale;
import java.util.UUID;

/**
 * A tenant's id. Request paths get one only from {@link Principal#tenantId()}, i.e. from verified
 * token claims; key builders take this type so a tenant-less key cannot be made by accident.
 */
public record TenantId(String value) {

  public TenantId {
    UUID.fromString(value); // rejects anything that is not a UUID
    value = value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
