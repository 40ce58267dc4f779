package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Permission grants by the access patterns of docs/access-patterns.md, and the write parts of a grant and a revoke. */
@Singleton
public final class PermissionRepository extends ItemRepository<PermissionItem> {

  private final Queries queries;

  @Inject
  public PermissionRepository(SingleTable table, Queries queries) {
    super(table, PermissionItem.SCHEMA);
    this.queries = queries;
  }

  /** A new grant's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String permissionId, String now) {
    return ItemMeta.created(DmsKeys.permission(tenant, permissionId), PermissionItem.ENTITY, now);
  }

  /** The grant with its index keys: in its target's grants (GSI1) and its principal's (GSI2). */
  public static PermissionItem indexed(TenantId tenant, PermissionItem grant) {
    String target = grant.documentId() != null ? DmsKeys.permissionsOnDocument(tenant, grant.documentId())
        : DmsKeys.permissionsOnFolder(tenant, grant.folderId());
    String principal = grant.userId() != null ? DmsKeys.permissionsOfUser(tenant, grant.userId())
        : DmsKeys.permissionsOfTeam(tenant, grant.teamId());
    return grant.withIndex1(target, grant.id()).withIndex2(principal, grant.id());
  }

  /** A grant of the tenant: one consistent GetItem. */
  public Optional<PermissionItem> find(TenantId tenant, String permissionId) {
    return Optional.ofNullable(table.getItem(r -> r.key(DmsKeys.permission(tenant, permissionId)).consistentRead(true)));
  }

  /** The grants made on a document, newest first: one Query on GSI1. */
  public ResultPage<PermissionItem> listOnDocument(TenantId tenant, String documentId, PageRequest page) {
    return list(DmsKeys.permissionsOnDocument(tenant, documentId), page);
  }

  /** The grants made on a folder itself (not those it inherits), newest first: one Query on GSI1. */
  public ResultPage<PermissionItem> listOnFolder(TenantId tenant, String folderId, PageRequest page) {
    return list(DmsKeys.permissionsOnFolder(tenant, folderId), page);
  }

  private ResultPage<PermissionItem> list(String partition, PageRequest page) {
    QueryConditional condition = QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
    return queries.page(table, ItemMeta.GSI1, condition, page, partition, true);
  }

  /**
   * Adds the grant and its sentinel, one per (target, principal); a second grant to the same
   * principal is a 409 naming the principal's field.
   */
  public void add(WriteTransaction tx, TenantId tenant, PermissionItem grant) {
    create(tx, grant, () -> new IllegalStateException("permission id collision"));
    tx.claimUnique(tenant, DmsKeys.UNIQUE_GRANT, sentinelValue(grant), grant.id(),
        grant.userId() != null ? "user_id" : "team_id");
  }

  /** Removes the grant (as read at its version, else {@code onStale}) and frees its sentinel. */
  public void remove(WriteTransaction tx, TenantId tenant, PermissionItem grant, Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(DmsKeys.permission(tenant, grant.id()), grant.version(), onStale);
    tx.releaseUnique(tenant, DmsKeys.UNIQUE_GRANT, sentinelValue(grant));
  }

  private static String sentinelValue(PermissionItem grant) {
    return DmsKeys.grantValue(grant.documentId(), grant.folderId(), grant.userId(), grant.teamId());
  }
}
