package com.coditect.audit.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the audit items, built in one place (docs/audit.md):
 *
 * <pre>
 * item              PK                                      SK
 * entry             T#t#AUDIT                                <seq, 12 digits>
 * chain head        T#t#AUDIT                                HEAD            {seq, chain_hash, newest_entry_ttl}
 * event sentinel    T#t#AUDIT#EVENT#&lt;event id&gt;               EVENT           one entry per event
 * list rows         T#t#AUDIT#USER#u, #RESOURCE#type#id,     &lt;created_at&gt;#&lt;seq&gt;
 *                   #ACTION#a, #SEVERITY#s
 * entry on GSI1     T#t#AUDIT#TIME                           &lt;created_at&gt;#&lt;seq&gt;   the log by time
 * </pre>
 * The head sorts after every entry of its partition, so one ascending Query that reaches the end
 * of the chain also reads the head, and verify can tell a chain cut short from a complete one.
 * Entries are immutable, so their list rows (full copies) never need rewriting. The by-time list
 * is the entry itself on GSI1, not another row: its own key is the seq, which {@code verify} walks.
 */
public final class AuditKeys {

  public static final String ENTRY = "AUDIT_ENTRY";
  public static final String ROW = "AUDIT_ROW";

  private AuditKeys() {}

  /** Sort key of the chain head: letters sort after the digits of every seq. */
  public static final String HEAD = "HEAD";

  public static Key chainHead(TenantId tenant) {
    return Key.builder().partitionValue(entries(tenant)).sortValue(HEAD).build();
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

  /** GSI1 partition of the tenant's entries in time order. */
  public static String byTime(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT").with("TIME").build();
  }

  /** The sort key of every time-ordered list: created_at, then seq for entries of one millisecond. */
  public static String timeOrder(String createdAt, long seq) {
    return createdAt + "#" + sequence(seq);
  }

  public static String bySeverity(TenantId tenant, String severity) {
    return Keys.tenant(tenant).with("AUDIT").with("SEVERITY", severity).build();
  }

  /** Twelve digits: a trillion entries per tenant before the order would break. */
  public static String sequence(long seq) {
    return String.format("%012d", seq);
  }
}
