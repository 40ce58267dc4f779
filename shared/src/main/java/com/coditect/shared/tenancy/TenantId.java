package com.coditect.shared.tenancy;

import java.util.Locale;
import java.util.UUID;

/**
 * A tenant's id. Request paths get one only from {@link Principal#tenantId()}, i.e. from verified
 * token claims; key builders take this type so a tenant-less key cannot be made by accident.
 */
public record TenantId(String value) {

  /**
   * The platform's own key space and audit trail, which no tenant's id can be (the nil UUID; ids
   * are UUIDv7): what a platform administrator changes in platform-wide data (tax rates, the
   * catalog) is recorded here, so it reaches an audit chain like every tenant's change.
   */
  public static final TenantId PLATFORM = new TenantId("00000000-0000-0000-0000-000000000000");

  public TenantId {
    UUID.fromString(value); // rejects anything that is not a UUID
    value = value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
