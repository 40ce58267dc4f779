package com.coditect.dms.data;

import com.coditect.shared.store.BatchGets;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Reads items of any kind by key in one {@code BatchGetItem} (one key: one {@code GetItem}), with
 * consistent reads: the one read of a page's documents, their folders and the caller's teams, or
 * of what a write needs before its transaction.
 */
@Singleton
public final class DmsReads {

  /** DynamoDB's limit of keys per BatchGetItem. */
  public static final int MAX_KEYS = BatchGets.MAX_KEYS;

  private final BatchGets gets;

  @Inject
  public DmsReads(BatchGets gets) {
    this.gets = gets;
  }

  /** Starts naming the items of one read of the tenant's items. */
  public Plan plan(TenantId tenant) {
    return new Plan(tenant);
  }

  /** The items one read fetches, named in domain terms. */
  public final class Plan {
    private final TenantId tenant;
    private final List<Key> keys = new ArrayList<>();

    Plan(TenantId tenant) {
      this.tenant = tenant;
    }

    public Plan document(String documentId) {
      keys.add(DmsKeys.document(tenant, documentId));
      return this;
    }

    public Plan folder(String folderId) {
      keys.add(DmsKeys.folder(tenant, folderId));
      return this;
    }

    public Plan memberTeams(String userId) {
      keys.add(DmsKeys.memberTeams(tenant, userId));
      return this;
    }

    public Plan content(String sha256Hex) {
      keys.add(DmsKeys.content(tenant, sha256Hex));
      return this;
    }

    public Plan version(String documentId, long versionNumber) {
      keys.add(DmsKeys.version(tenant, documentId, versionNumber));
      return this;
    }

    public Plan pendingUpload(String documentId, long versionNumber) {
      keys.add(DmsKeys.pendingUpload(tenant, documentId, versionNumber));
      return this;
    }

    public Plan usage() {
      keys.add(DmsKeys.usage(tenant));
      return this;
    }

    public Plan share(String shareId) {
      keys.add(DmsKeys.share(tenant, shareId));
      return this;
    }

    /** One BatchGetItem of everything named (one GetItem for one item, no call for none). */
    public Found read() {
      return new Found(tenant, gets.get(keys));
    }
  }

  /** The result of one read, by what was read, in domain terms. */
  public static final class Found {
    private final TenantId tenant;
    private final BatchGets.Found items;

    Found(TenantId tenant, BatchGets.Found items) {
      this.tenant = tenant;
      this.items = items;
    }

    private <T> Optional<T> item(Key key, TableSchema<T> schema) {
      return items.item(key, schema);
    }

    public Optional<DocumentItem> document(String documentId) {
      return item(DmsKeys.document(tenant, documentId), DocumentItem.SCHEMA);
    }

    public Optional<FolderItem> folder(String folderId) {
      return item(DmsKeys.folder(tenant, folderId), FolderItem.SCHEMA);
    }

    public Optional<MemberTeamsItem> memberTeams(String userId) {
      return item(DmsKeys.memberTeams(tenant, userId), MemberTeamsItem.SCHEMA);
    }

    public Optional<PendingUploadItem> pendingUpload(String documentId, long versionNumber) {
      return item(DmsKeys.pendingUpload(tenant, documentId, versionNumber), PendingUploadItem.SCHEMA);
    }

    public Optional<DocumentVersionItem> version(String documentId, long versionNumber) {
      return item(DmsKeys.version(tenant, documentId, versionNumber), DocumentVersionItem.SCHEMA);
    }

    public Optional<ContentItem> content(String sha256Hex) {
      return item(DmsKeys.content(tenant, sha256Hex), ContentItem.SCHEMA);
    }

    public Optional<DmsUsageItem> usage() {
      return item(DmsKeys.usage(tenant), DmsUsageItem.SCHEMA);
    }

    public Optional<ShareItem> share(String shareId) {
      return item(DmsKeys.share(tenant, shareId), ShareItem.SCHEMA);
    }

    /** Every document among {@code ids} that was found, in their order. */
    public List<DocumentItem> documents(List<String> ids) {
      return ids.stream().map(this::document).flatMap(Optional::stream).toList();
    }

    /** The folders among {@code ids} that were found, by id. */
    public Map<String, FolderItem> folders(Collection<String> ids) {
      Map<String, FolderItem> byId = new HashMap<>();
      ids.forEach(folderId -> folder(folderId).ifPresent(folder -> byId.put(folderId, folder)));
      return byId;
    }
  }
}
