package com.coditect.shared.store;

import com.coditect.shared.tenancy.TenantId;

/**
 * Builds {@code LABEL#value} key strings. Every tenant-owned key starts with {@code T#<tenant>},
 * and {@link #tenant(TenantId)} is the only way to start one, so no key can leave the tenant out.
 */
public final class Keys {

  private final StringBuilder key;

  private Keys(String start) {
    this.key = new StringBuilder(start);
  }

  /** Starts a key inside a tenant's key space: {@code T#<tenant_id>}. */
  public static Keys tenant(TenantId tenant) {
    return new Keys("T#" + tenant.value());
  }

  /** Starts a key for platform-level data that belongs to no tenant (e.g. a platform admin's records). */
  public static Keys platform() {
    return new Keys("PLATFORM");
  }

  /** A sort-key or platform-level key that does not start with a tenant (e.g. {@code USER#<id>}). */
  public static String of(String label, String value) {
    return label + "#" + checked(value);
  }

  /** Appends {@code #LABEL#value}. */
  public Keys with(String label, String value) {
    key.append('#').append(label).append('#').append(checked(value));
    return this;
  }

  /** Appends {@code #LABEL} (a collection marker such as {@code #USERS}). */
  public Keys with(String label) {
    key.append('#').append(label);
    return this;
  }

  public String build() {
    return key.toString();
  }

  @Override
  public String toString() {
    return build();
  }

  // Values come from ids and normalised strings; a '#' would let one segment pose as two.
  private static String checked(String value) {
    if (value == null || value.isEmpty() || value.indexOf('#') >= 0) {
      throw new IllegalArgumentException("invalid key segment");
    }
    return value;
  }
}
