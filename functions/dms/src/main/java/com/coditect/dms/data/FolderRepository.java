package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Reads folders by the access patterns of docs/access-patterns.md, and the write parts of the folder tree. */
@Singleton
public final class FolderRepository extends ItemRepository<FolderItem> {

  /** Folders read per page of a subtree walk. */
  private static final int SUBTREE_PAGE = 250;

  @Inject
  public FolderRepository(SingleTable table) {
    super(table, FolderItem.SCHEMA);
  }

  /** A new folder's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String folderId, String now) {
    return ItemMeta.created(DmsKeys.folder(tenant, folderId), FolderItem.ENTITY, now);
  }

  /**
   * The folder with its index keys: in its parent's children by name (live folders only) and in the
   * tenant's folders by path (deleted ones too, so a deleted subtree moves with its root's restore).
   */
  public static FolderItem indexed(TenantId tenant, FolderItem folder) {
    FolderItem byPath = folder.withIndex2(DmsKeys.foldersByPath(tenant), folder.path());
    return folder.isDeleted() ? byPath.withIndex1(null, null)
        : byPath.withIndex1(DmsKeys.folderChildren(tenant, folder.parentId()), folder.name() + "#" + folder.id());
  }

  /** A folder of the tenant, deleted or not: one consistent GetItem. */
  public Optional<FolderItem> find(TenantId tenant, String folderId) {
    return Optional.ofNullable(table.getItem(r -> r.key(DmsKeys.folder(tenant, folderId)).consistentRead(true)));
  }

  /**
   * Every folder below the one at {@code path} (not itself), parents before their children (a
   * child's path extends its parent's), read lazily page by page from GSI2. The index is eventually
   * consistent: a folder created a moment ago may be missing, which the tree's writes tolerate.
   */
  public Iterable<FolderItem> below(TenantId tenant, String path) {
    QueryConditional prefix = QueryConditional.sortBeginsWith(Key.builder()
        .partitionValue(DmsKeys.foldersByPath(tenant)).sortValue(path + "/").build());
    SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<FolderItem>> pages = table.index(ItemMeta.GSI2)
        .query(QueryEnhancedRequest.builder().queryConditional(prefix).limit(SUBTREE_PAGE).build());
    return () -> pages.stream().flatMap(page -> page.items().stream()).iterator();
  }
}
