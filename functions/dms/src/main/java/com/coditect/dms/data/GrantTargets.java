package com.coditect.dms.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What granting, revoking and explaining access read and write besides the grants themselves: the
 * document or folder a grant is on (its {@code grants} attribute), the folders above it, the teams
 * of the people involved (DMS's own {@link MemberTeamsItem}) and tenancy's user and team items,
 * which DMS only reads by key or checks in its transactions.
 */
@Singleton
public final class GrantTargets {

  private final SingleTable table;
  private final DynamoDbTable<DocumentItem> documents;
  private final DynamoDbTable<FolderItem> folders;

  @Inject
  public GrantTargets(SingleTable table) {
    this.table = table;
    this.documents = table.view(DocumentItem.SCHEMA);
    this.folders = table.view(FolderItem.SCHEMA);
  }

  /** A document of the tenant, deleted or not: one consistent GetItem. */
  public Optional<DocumentItem> document(TenantId tenant, String documentId) {
    return Optional.ofNullable(documents.getItem(r -> r.key(DmsKeys.document(tenant, documentId)).consistentRead(true)));
  }

  /** A folder of the tenant, deleted or not: one consistent GetItem. */
  public Optional<FolderItem> folder(TenantId tenant, String folderId) {
    return Optional.ofNullable(folders.getItem(r -> r.key(DmsKeys.folder(tenant, folderId)).consistentRead(true)));
  }

  /**
   * In one read (a GetItem for one key, else one BatchGetItem): the folders named, the teams of
   * each user in {@code teamsOf}, and tenancy's user item of each user in {@code usersOf}. No keys,
   * no call.
   */
  public Context read(TenantId tenant, List<String> folderIds, List<String> teamsOf, List<String> usersOf) {
    Set<Key> keys = new LinkedHashSet<>();
    folderIds.forEach(id -> keys.add(DmsKeys.folder(tenant, id)));
    teamsOf.forEach(id -> keys.add(DmsKeys.memberTeams(tenant, id)));
    usersOf.forEach(id -> keys.add(CoreKeys.user(tenant, id)));
    return new Context(tenant, batchGet(new ArrayList<>(keys)));
  }

  /** Replaces a document read at {@code readVersion} (its grants changed); {@code onStale} if it changed since. */
  public void replaceDocument(WriteTransaction tx, DocumentItem document, long readVersion,
      Supplier<? extends RuntimeException> onStale) {
    tx.replace(documents, document, readVersion, onStale);
  }

  /** Replaces a folder read at {@code readVersion} (its grants changed); {@code onStale} if it changed since. */
  public void replaceFolder(WriteTransaction tx, FolderItem folder, long readVersion,
      Supplier<? extends RuntimeException> onStale) {
    tx.replace(folders, folder, readVersion, onStale);
  }

  /** Checks, in a write, that tenancy holds this live user in this tenant; fails with {@code onMissing}. */
  public void requireLiveUser(WriteTransaction tx, TenantId tenant, String userId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.user(tenant, userId), onMissing);
  }

  /** Checks, in a write, that tenancy holds this live team in this tenant; fails with {@code onMissing}. */
  public void requireLiveTeam(WriteTransaction tx, TenantId tenant, String teamId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.team(tenant, teamId), onMissing);
  }

  private Map<String, Map<String, AttributeValue>> batchGet(List<Key> keys) {
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    if (keys.size() == 1) {
      var item = table.lowLevel().getItem(g -> g.tableName(table.name())
          .key(keys.get(0).primaryKeyMap(UniqueItem.SCHEMA)).consistentRead(true)).item();
      if (item != null && !item.isEmpty()) {
        found.put(id(item.get("PK").s(), item.get("SK").s()), item);
      }
      return found;
    }
    List<Map<String, AttributeValue>> keyMaps = keys.stream().map(k -> k.primaryKeyMap(UniqueItem.SCHEMA)).toList();
    Map<String, KeysAndAttributes> pending = Map.of(table.name(),
        KeysAndAttributes.builder().keys(keyMaps).consistentRead(true).build());
    // A few small items, far below BatchGetItem's limits: keys come back unprocessed only under
    // throttling, and are read again then (the only extra call).
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> batch = pending;
      var response = table.lowLevel().batchGetItem(b -> b.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
        found.put(id(item.get("PK").s(), item.get("SK").s()), item);
      }
      pending = response.unprocessedKeys();
    }
    return found;
  }

  private static String id(String pk, String sk) {
    return pk + "\n" + sk;
  }

  private static String id(Key key) {
    return id(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s());
  }

  /** What one {@link #read} found. */
  public static final class Context {
    private final TenantId tenant;
    private final Map<String, Map<String, AttributeValue>> items;

    Context(TenantId tenant, Map<String, Map<String, AttributeValue>> items) {
      this.tenant = tenant;
      this.items = items;
    }

    public Optional<FolderItem> folder(String folderId) {
      return Optional.ofNullable(items.get(id(DmsKeys.folder(tenant, folderId)))).map(FolderItem.SCHEMA::mapToItem);
    }

    /** The teams DMS knows the user to be in (none when it has heard of none); a deleted item counts as none. */
    public Set<String> teamsOf(String userId) {
      return Optional.ofNullable(items.get(id(DmsKeys.memberTeams(tenant, userId))))
          .map(MemberTeamsItem.SCHEMA::mapToItem)
          .filter(teams -> !teams.isDeleted())
          .<Set<String>>map(teams -> new LinkedHashSet<>(teams.teamIds()))
          .orElse(Set.of());
    }

    /** The user's tenant role; empty when tenancy holds no live user of that id in this tenant. */
    public Optional<Role> liveUserRole(String userId) {
      Map<String, AttributeValue> user = items.get(id(CoreKeys.user(tenant, userId)));
      if (user == null || user.containsKey("deleted_at") || !user.containsKey("role")) {
        return Optional.empty();
      }
      return Role.fromApiName(user.get("role").s());
    }
  }
}
