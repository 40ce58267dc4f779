package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The owners of contacts, which other functions own (the tenant and its users: tenancy; orders:
 * commerce): known here only by their keys in the kernel ({@link CoreKeys}), checked inside the
 * contact's own transaction (so an owner deleted meanwhile fails it), never imported.
 */
@Singleton
public final class OwnerRepository {

  private static final Expression LIVE =
      Expression.builder().expression("attribute_exists(PK) AND attribute_not_exists(deleted_at)").build();

  private final BatchGets reads;

  @Inject
  public OwnerRepository(BatchGets reads) {
    this.reads = reads;
  }

  /** Whether the owner is deleted or was never there: one strongly consistent GetItem. */
  public boolean isGone(TenantId tenant, EntityType type, String id) {
    Key key = key(tenant, type, id);
    return reads.get(List.of(key)).raw(key).map(item -> item.containsKey("deleted_at")).orElse(true);
  }

  /** Adds a check that the owner exists and is not deleted; the transaction fails with {@code onMissing} otherwise. */
  public void requireOwner(WriteTransaction tx, TenantId tenant, EntityType type, String id,
      Supplier<? extends RuntimeException> onMissing) {
    tx.require(key(tenant, type, id), LIVE, onMissing);
  }

  /**
   * Sets the owner's {@code phone_number} (a user's or the tenant's) to its default work phone's
   * E.164 number, or removes it ({@code e164} null), with the owner's version and {@code updated_at}
   * moved on, so that the owner's function, which rewrites its item at the version it read, cannot
   * put an older number back. Conditional on the owner being live, so it is also the owner check.
   */
  public void copyWorkPhone(WriteTransaction tx, TenantId tenant, EntityType type, String id, String e164, String now,
      Supplier<? extends RuntimeException> onMissing) {
    if (type == EntityType.ORDER) {
      throw new IllegalArgumentException("an order has no phone_number");
    }
    Map<String, AttributeValue> values = e164 == null
        ? Map.of(":one", AttributeValue.fromN("1"), ":now", AttributeValue.fromS(now))
        : Map.of(":phone", AttributeValue.fromS(e164), ":one", AttributeValue.fromN("1"), ":now", AttributeValue.fromS(now));
    String update = e164 == null
        ? "SET version = version + :one, updated_at = :now REMOVE phone_number"
        : "SET phone_number = :phone, version = version + :one, updated_at = :now";
    tx.update(key(tenant, type, id), update, values, LIVE, onMissing);
  }

  private static Key key(TenantId tenant, EntityType type, String id) {
    return switch (type) {
      case TENANT -> CoreKeys.tenant(tenant);
      case USER -> CoreKeys.user(tenant, id);
      case ORDER -> CoreKeys.order(tenant, id);
    };
  }
}
