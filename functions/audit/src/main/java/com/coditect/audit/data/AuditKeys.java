package com.coditect.audit.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the audit items, built in one place (docs/design/audit.md):
 *
 * <pre>
 * item              PK                                      SK
 * chain head        T#t#AUDIT#CHAIN                          HEAD            {seq, hash} of the newest entry
 * entry             T#t#AUDIT                                <seq, 12 digits> (seq order is time order)
 * event sentinel    T#t#AUDIT#EVENT#&lt;event id&gt;               EVENT           one entry per event
 * list rows         T#t#AUDIT#USER#u, #RESOURCE#type#id,     &lt;created_at&gt;#&lt;seq&gt;
 *                   #ACTION#a, #SEVERITY#s
 * </pre>
 * Entries are immutable, so their list rows (full copies) never need rewriting.
 */
public final class AuditKeys {

  public static final String ENTRY = "AUDIT_ENTRY";
  public static final String ROW = "AUDIT_ROW";

  private AuditKeys() {}

  public static Key chainHead(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("AUDIT").with("CHAIN").build()).sortValue("HEAD")
        .build();
  }

  public static String entries(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT").build();
  }

  public static Key entry(TenantId tenant, long seq) {
    return Key.builder().partitionValue(entries(tenant)).sortValue(sequence(seq)).build();
  }

  public static Key eventSentinel(TenantId tenant, String eventId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("AUDIT").with("EVENT", eventId).build())
        .sortValue("EVENT").build();
  }

  public static String byUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("AUDIT").with("USER", userId).build();
  }

  public static String byResource(TenantId tenant, String resourceType, String resourceId) {
    return Keys.tenant(tenant).with("AUDIT").with("RESOURCE", resourceType).with(resourceId).build();
  }

  public static String byAction(TenantId tenant, String action) {
    return Keys.tenant(tenant).with("AUDIT").with("ACTION", action).build();
  }

  public static String bySeverity(TenantId tenant, String severity) {
    return Keys.tenant(tenant).with("AUDIT").with("SEVERITY", severity).build();
  }

  /** Twelve digits: a trillion entries per tenant before the order would break. */
  public static String sequence(long seq) {
    return String.format("%012d", seq);
  }
}
