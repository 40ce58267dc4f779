package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads folders by the access patterns of docs/access-patterns.md, and the write parts of the folder tree. */
@Singleton
public final class FolderRepository extends ItemRepository<FolderItem> {

  /** Folders read per page of a subtree walk. */
  private static final int SUBTREE_PAGE = 250;
  /** The most of a name or path an index sort key holds (DynamoDB allows 1,024 bytes; the rest is a tie-breaker). */
  static final int KEY_BYTES = 1000;

  private final Queries queries;

  @Inject
  public FolderRepository(SingleTable table, Queries queries) {
    super(table, FolderItem.SCHEMA);
    this.queries = queries;
  }

  /** A new folder's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String folderId, String now) {
    return ItemMeta.created(DmsKeys.folder(tenant, folderId), FolderItem.ENTITY, now);
  }

  /**
   * The folder with its index keys: in its parent's children by name (live folders only) and in the
   * tenant's folders by path (deleted ones too, so a deleted subtree moves with its root's restore).
   *
   * <p>A DynamoDB sort key holds at most 1,024 bytes, but a name may take 1,020 bytes and a path
   * 2,000 characters (up to 8,000 bytes). So both index keys hold the value cut to
   * {@link #KEY_BYTES} and a tie-breaker: the id after a name; after a path, the folder's depth, so
   * that folders whose paths share the cut still come parents first. {@link #below} then keeps only
   * the folders whose whole {@code path} is in the subtree.
   */
  public static FolderItem indexed(TenantId tenant, FolderItem folder) {
    FolderItem byPath = folder.withIndex2(DmsKeys.foldersByPath(tenant),
        cut(folder.path()) + "#" + String.format("%04d", folder.ancestorIds().size()));
    return folder.isDeleted() ? byPath.withIndex1(null, null)
        : byPath.withIndex1(DmsKeys.folderChildren(tenant, folder.parentId()), cut(folder.name()) + "#" + folder.id());
  }

  /** The longest prefix of {@code value} (whole characters) that takes at most {@link #KEY_BYTES} in UTF-8. */
  static String cut(String value) {
    if (value.length() * 4 <= KEY_BYTES) {
      return value;
    }
    int bytes = 0;
    int end = 0;
    while (end < value.length()) {
      int codePoint = value.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > KEY_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return value.substring(0, end);
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
    String subtree = path + "/";
    QueryConditional prefix = QueryConditional.sortBeginsWith(Key.builder()
        .partitionValue(DmsKeys.foldersByPath(tenant)).sortValue(cut(subtree)).build());
    SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<FolderItem>> pages = table.index(ItemMeta.GSI2)
        .query(QueryEnhancedRequest.builder().queryConditional(prefix).limit(SUBTREE_PAGE).build());
    // Paths longer than the index holds share their cut with folders outside the subtree.
    return () -> pages.stream().flatMap(page -> page.items().stream())
        .filter(folder -> folder.path().startsWith(subtree)).iterator();
  }

  /** A page of a folder's live children ({@code null}: the top folders), by name: one Query on GSI1. */
  public ResultPage<FolderItem> listChildren(TenantId tenant, String parentId, PageRequest page) {
    String partition = DmsKeys.folderChildren(tenant, parentId);
    return queries.page(table, ItemMeta.GSI1,
        QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()), page, partition, false);
  }

  /**
   * Every folder of the tenant linked to a project, read lazily from GSI2 (every folder by path)
   * with a filter. For the reaction to a deleted project only, off the request path: folders have
   * no index by project, and a tenant's folders are few enough to read through once.
   */
  public Iterable<FolderItem> ofProject(TenantId tenant, String projectId) {
    Expression filter = Expression.builder().expression("project_id = :project")
        .expressionValues(Map.of(":project", AttributeValue.fromS(projectId))).build();
    SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<FolderItem>> pages = table.index(ItemMeta.GSI2)
        .query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(DmsKeys.foldersByPath(tenant)).build()))
            .filterExpression(filter).limit(SUBTREE_PAGE).build());
    return () -> pages.stream().flatMap(page -> page.items().stream()).iterator();
  }

  /** Adds the claim of the folder's name among its parent's live children (any case); a clash is a 409 naming {@code name}. */
  public void claimName(WriteTransaction tx, TenantId tenant, FolderItem folder) {
    tx.claimUnique(tenant, DmsKeys.UNIQUE_FOLDER_NAME, DmsKeys.folderNameValue(folder.parentId(), folder.name()),
        folder.id(), "name");
  }

  /** A rename or move: releases the name under the old parent and claims it under the new one (409 naming {@code name}). */
  public void moveName(WriteTransaction tx, TenantId tenant, FolderItem folder, String oldParentId, String oldName) {
    tx.moveUnique(tenant, DmsKeys.UNIQUE_FOLDER_NAME, DmsKeys.folderNameValue(oldParentId, oldName),
        DmsKeys.folderNameValue(folder.parentId(), folder.name()), folder.id(), "name");
  }

  /** Adds the release of the folder's name (its soft delete). */
  public void releaseName(WriteTransaction tx, TenantId tenant, FolderItem folder) {
    tx.releaseUnique(tenant, DmsKeys.UNIQUE_FOLDER_NAME, DmsKeys.folderNameValue(folder.parentId(), folder.name()));
  }

  /**
   * Checks, in a write, that {@code folder} is still live and at the version read: a child takes its
   * path, ancestors and inherited grants from it, so a parent moved, renamed, regranted or deleted
   * since the read fails the write with {@code onChanged}.
   */
  public void requireUnchanged(WriteTransaction tx, TenantId tenant, FolderItem folder,
      Supplier<? extends RuntimeException> onChanged) {
    tx.require(DmsKeys.folder(tenant, folder.id()), Expression.builder()
        .expression("version = :read_version AND attribute_not_exists(deleted_at)")
        .expressionValues(Map.of(":read_version", AttributeValue.fromN(Long.toString(folder.version())))).build(),
        onChanged);
  }

  /** Checks, in a write, that a folder is live (a restored folder's parent). */
  public void requireLive(WriteTransaction tx, TenantId tenant, String folderId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(DmsKeys.folder(tenant, folderId), onMissing);
  }
}
