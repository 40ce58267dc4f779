package com.coditect.tenancy.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Reads tenants, and claims their slugs; writes go through the services' transactions. */
@Singleton
public final class TenantRepository extends ItemRepository<TenantItem> {


  private final SingleTable single;

  @Inject
  public TenantRepository(SingleTable table) {
    super(table, TenantItem.SCHEMA);
    this.single = table;
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

  /**
   * Stores the tenant's storage use as reported in report {@code sequence}, only if that report is
   * newer than the one stored (a late or repeated report changes nothing): one conditional
   * UpdateItem. The version moves on, as for any change a reader sees. False when not newer.
   */
  public boolean recordStorageUsed(TenantId tenant, long bytes, long sequence) {
    try {
      single.lowLevel().updateItem(u -> u.tableName(single.name())
          .key(TenancyKeys.tenant(tenant).primaryKeyMap(TenantItem.SCHEMA))
          .updateExpression("SET storage_used_bytes = :bytes, storage_sequence = :sequence ADD version :one")
          .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(storage_sequence)"
              + " OR storage_sequence < :sequence)")
          .expressionAttributeValues(Map.of(":bytes", number(bytes), ":sequence", number(sequence), ":one",
              number(1))));
      return true;
    } catch (ConditionalCheckFailedException stale) {
      return false;
    }
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
