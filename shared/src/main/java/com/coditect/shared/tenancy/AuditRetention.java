package com.coditect.shared.tenancy;

/**
 * The tenant setting {@code audit_retention_days}: tenancy stores and validates it on the tenant
 * item, the audit ingest reads it there to set each entry's expiry. Both sides use these bounds,
 * so a value the API accepts is the value the audit log applies.
 */
public final class AuditRetention {

  /** Tenant item attribute that holds the setting. */
  public static final String ATTRIBUTE = "audit_retention_days";
  /** The spec keeps audit entries a year at least; also what a tenant gets without a choice. */
  public static final int MIN_DAYS = 365;
  public static final int DEFAULT_DAYS = MIN_DAYS;
  /**
   * Ten years: beyond the common regimes (SOX asks seven, HIPAA six). Keeping a hot, per-request
   * indexed log longer than that is an archive's job, not the table's.
   */
  public static final int MAX_DAYS = 3650;

  private AuditRetention() {}

  /**
   * The days to keep an entry for a tenant whose item holds {@code stored} (null when the item or
   * the attribute is absent, e.g. tenants created before the setting existed). Never below the
   * floor, even if a value below it were written behind the API's back.
   */
  public static int effectiveDays(Integer stored) {
    return stored == null ? DEFAULT_DAYS : Math.max(MIN_DAYS, stored);
  }
}
