package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Reads users by the access patterns of docs/access-patterns.md, and the write parts that keep a
 * user's email unique in its tenant and check that a user a write names is live.
 */
@Singleton
public final class UserRepository extends ItemRepository<UserItem> {

  private final Queries queries;

  @Inject
  public UserRepository(SingleTable table, Queries queries) {
    super(table, UserItem.SCHEMA);
    this.queries = queries;
  }


  /** A live (not deleted) user: one GetItem. */
  public Optional<UserItem> findLive(TenantId tenant, String userId) {
    return Optional.ofNullable(table.getItem(TenancyKeys.user(tenant, userId))).filter(u -> !u.isDeleted());
  }

  /**
   * Whether the platform has deleted the user or never had them, read strongly consistent: event
   * consumers decide from this, so it must see every write made before the event was sent.
   */
  public boolean isGone(TenantId tenant, String userId) {
    UserItem user = table.getItem(r -> r.key(TenancyKeys.user(tenant, userId)).consistentRead(true));
    return user == null || user.isDeleted();
  }

  /** The tenant's live users, oldest first: one Query on GSI1. */
  public ResultPage<UserItem> listByTenant(TenantId tenant, PageRequest page) {
    String partition = TenancyKeys.users(tenant, false);
    return queries.page(table, ItemMeta.GSI1, keyEquals(partition), page, partition, false);
  }

  /** The tenant's live users with a status: one Query on GSI2. */
  public ResultPage<UserItem> listByStatus(TenantId tenant, UserStatus status, PageRequest page) {
    String partition = TenancyKeys.usersWithStatus(tenant, status);
    return queries.page(table, ItemMeta.GSI2, keyEquals(partition), page, partition, false);
  }

  /** Adds a check that the user is live (exists, not deleted); the transaction fails with {@code onMissing} if not. */
  public void requireLive(WriteTransaction tx, TenantId tenant, String userId, Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(TenancyKeys.user(tenant, userId), onMissing);
  }

  /** Claims {@code email} for the user in its tenant (case-insensitive); a clash is a 409 naming {@code field}. */
  public void claimEmail(WriteTransaction tx, TenantId tenant, String email, String userId, String field) {
    tx.claimUnique(tenant, TenancyKeys.UNIQUE_USER_EMAIL, email, userId, field);
  }

  /** Frees the email a deleted user held, so it can be invited again. */
  public void releaseEmail(WriteTransaction tx, TenantId tenant, String email) {
    tx.releaseUnique(tenant, TenancyKeys.UNIQUE_USER_EMAIL, email);
  }

  /**
   * The common attributes of a new user of the tenant: its key, type, first version and timestamps;
   * its list placement follows from its fields ({@link #indexed}).
   */
  public static ItemMeta newMeta(TenantId tenant, String userId, String now) {
    return ItemMeta.created(TenancyKeys.user(tenant, userId), UserItem.ENTITY, now);
  }

  /** {@code user} with the index keys that place it in the live or deleted lists. */
  public static UserItem indexed(TenantId tenant, UserItem user) {
    boolean deleted = user.isDeleted();
    return user.withIndex1(TenancyKeys.users(tenant, deleted), user.id())
        .withIndex2(deleted ? null : TenancyKeys.usersWithStatus(tenant, user.status()), deleted ? null : user.id());
  }

  static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}
