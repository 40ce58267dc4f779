package com.coditect.dms.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the document-management items, built in one place. Layout (docs/access-patterns.md
 * has the queries that use it):
 *
 * <pre>
 * item              PK                           SK                   GSI1PK / GSI1SK                              GSI2PK / GSI2SK
 * document          T#t#DOC#d                    DOC                  -                                            -
 * document list row (a list partition, below)    d or sort#d          -                                            -
 * version           T#t#DOC#d                    VERSION#0000000007   -                                            -
 * pending upload    T#t#DOC#d                    UPLOAD#0000000007    -                                            -
 * activity          T#t#DOC#d                    ACTIVITY#a           T#t#USER#u#DOC_ACTIVITY / a                  -
 * folder            T#t#FOLDER#f                 FOLDER               T#t#FOLDER#parent|ROOT#CHILDREN / name       T#t#FOLDERS / path
 *                   (index sort keys hold a name or path cut to 1,000 bytes: name#f, path#depth)
 * permission        T#t#PERM#p                   PERM                 T#t#DOC#d#PERMS or T#t#FOLDER#f#PERMS / p    T#t#USER#u#PERMS or T#t#TEAM#x#PERMS / p
 * member's teams    T#t#DMS_MEMBER#u             TEAMS                -                                            -
 * team roster       T#t#DMS_TEAM#x               MEMBER#u | TEAM      -                                            -
 * content           T#t#CONTENT#sha256hex        CONTENT              -                                            -
 * DMS usage         T#t#DMS_USAGE                USAGE                -                                            -
 * share             T#t#SHARE#s                  SHARE                T#t#DOC#d#SHARES / 0#s (active) or 1#s       -
 * share token       PLATFORM#SHARE_TOKEN#sha256hex    SHARE_TOKEN          -                                            -
 * </pre>
 *
 * A document's list rows carry what lists show of it plus its {@code folder_id}, written in the
 * document's transaction, one per list it is in; each list is one partition, so every document
 * filter is one {@code Query} per page, and one {@code BatchGetItem} then reads what deciding the
 * caller's access needs (see {@code DocumentAccess}). Ids are UUIDv7: by id is by creation time.
 *
 * <pre>
 * list                 PK                                   SK
 * in a folder          T#t#FOLDER#f#DOCS (ROOT#DOCS)        d
 * by owner             T#t#USER#u#DOCS                      d
 * by project           T#t#PROJECT#p#DOCS                   d
 * by status            T#t#DOCS#STATUS#x                    updated_at#d (read newest first)
 * by tag               T#t#DOCS#TAG#tag                     d
 * by checksum          T#t#DOCS#CHECKSUM#sha256hex          d
 * every live one       T#t#DOCS#LIVE                        d
 * deleted              T#t#DOCS#DELETED                     d
 * </pre>
 *
 * S3 objects: a pending upload is staged at {@code tenants/t/dms/staging/<upload id>}; content at
 * {@code tenants/t/dms/content/<sha256 hex>}, one object per tenant and digest. No name is ever
 * part of an object key.
 *
 * The share token's item is the one key outside every tenant: a public link names no tenant, so
 * the token's SHA-256 leads to the tenant and the share.
 */
public final class DmsKeys {

  public static final String DOC = "DOC";
  public static final String FOLDER = "FOLDER";
  public static final String VERSION = "VERSION";
  public static final String ACTIVITY = "ACTIVITY";
  public static final String PERM = "PERM";
  public static final String SHARE = "SHARE";
  public static final String SHARE_TOKEN = "SHARE_TOKEN";
  public static final String CONTENT = "CONTENT";
  public static final String TEAMS = "TEAMS";
  public static final String UPLOAD = "UPLOAD";
  public static final String USAGE = "USAGE";
  /** The folder-list partition of documents and folders at the top, in no folder. */
  public static final String ROOT = "ROOT";

  /** Uniqueness kinds for sentinels. */
  public static final String UNIQUE_FOLDER_NAME = "FOLDER_NAME";
  /** One grant per (target, principal): document or folder, to a user or a team. */
  public static final String UNIQUE_GRANT = "DMS_GRANT";

  private DmsKeys() {}

  // ---- documents ----

  public static String documentPartition(TenantId tenant, String documentId) {
    return Keys.tenant(tenant).with(DOC, documentId).build();
  }

  public static Key document(TenantId tenant, String documentId) {
    return Key.builder().partitionValue(documentPartition(tenant, documentId)).sortValue(DOC).build();
  }

  /** A version's sort key: zero-padded, so the document's versions sort by number. */
  public static String versionSort(long versionNumber) {
    return VERSION + "#" + String.format("%010d", versionNumber);
  }

  public static Key version(TenantId tenant, String documentId, long versionNumber) {
    return Key.builder().partitionValue(documentPartition(tenant, documentId)).sortValue(versionSort(versionNumber))
        .build();
  }

  /** A pending upload's sort key: one per (document, version number) being uploaded. */
  public static Key pendingUpload(TenantId tenant, String documentId, long versionNumber) {
    return Key.builder().partitionValue(documentPartition(tenant, documentId))
        .sortValue(UPLOAD + "#" + String.format("%010d", versionNumber)).build();
  }

  /** The sort-key prefix of a document's versions, for the newest-first list. */
  public static String versionPrefix() {
    return VERSION + "#";
  }

  public static Key activity(TenantId tenant, String documentId, String activityId) {
    return Key.builder().partitionValue(documentPartition(tenant, documentId))
        .sortValue(Keys.of(ACTIVITY, activityId)).build();
  }

  /** GSI1 partition of a user's document activity, newest first by id. */
  public static String activityOfUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("USER", userId).with("DOC_ACTIVITY").build();
  }

  // ---- document lists ----

  /** The documents directly in a folder ({@code null}: at the top). */
  public static String documentsInFolder(TenantId tenant, String folderId) {
    return folderId == null ? Keys.tenant(tenant).with(ROOT).with("DOCS").build()
        : Keys.tenant(tenant).with(FOLDER, folderId).with("DOCS").build();
  }

  public static String documentsOfOwner(TenantId tenant, String ownerId) {
    return Keys.tenant(tenant).with("USER", ownerId).with("DOCS").build();
  }

  public static String documentsOfProject(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("DOCS").build();
  }

  public static String documentsByStatus(TenantId tenant, String status) {
    return Keys.tenant(tenant).with("DOCS").with("STATUS", status).build();
  }

  public static String documentsByTag(TenantId tenant, String tag) {
    return Keys.tenant(tenant).with("DOCS").with("TAG", tag).build();
  }

  public static String documentsByChecksum(TenantId tenant, String sha256Hex) {
    return Keys.tenant(tenant).with("DOCS").with("CHECKSUM", sha256Hex).build();
  }

  /** Every live document of the tenant, by id (creation time): the list without a filter. */
  public static String liveDocuments(TenantId tenant) {
    return Keys.tenant(tenant).with("DOCS").with("LIVE").build();
  }

  public static String deletedDocuments(TenantId tenant) {
    return Keys.tenant(tenant).with("DOCS").with("DELETED").build();
  }

  // ---- folders ----

  public static Key folder(TenantId tenant, String folderId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(FOLDER, folderId).build()).sortValue(FOLDER)
        .build();
  }

  /** GSI1 partition of a folder's live children ({@code null}: the top folders). */
  public static String folderChildren(TenantId tenant, String parentId) {
    return parentId == null ? Keys.tenant(tenant).with(ROOT).with("CHILDREN").build()
        : Keys.tenant(tenant).with(FOLDER, parentId).with("CHILDREN").build();
  }

  /** GSI2 partition of every folder of the tenant, sorted by path: a subtree is one prefix. */
  public static String foldersByPath(TenantId tenant) {
    return Keys.tenant(tenant).with("FOLDERS").build();
  }

  /** The value of a folder-name sentinel: unique among the live children of one parent. */
  public static String folderNameValue(String parentId, String name) {
    return (parentId == null ? ROOT : parentId) + "/" + name;
  }

  // ---- permissions ----

  public static Key permission(TenantId tenant, String permissionId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(PERM, permissionId).build()).sortValue(PERM)
        .build();
  }

  /** GSI1 partition of the grants on one document. */
  public static String permissionsOnDocument(TenantId tenant, String documentId) {
    return Keys.tenant(tenant).with(DOC, documentId).with("PERMS").build();
  }

  /** GSI1 partition of the grants on one folder. */
  public static String permissionsOnFolder(TenantId tenant, String folderId) {
    return Keys.tenant(tenant).with(FOLDER, folderId).with("PERMS").build();
  }

  /** GSI2 partition of the grants to one user. */
  public static String permissionsOfUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("USER", userId).with("PERMS").build();
  }

  /** GSI2 partition of the grants to one team. */
  public static String permissionsOfTeam(TenantId tenant, String teamId) {
    return Keys.tenant(tenant).with("TEAM", teamId).with("PERMS").build();
  }

  /**
   * The value of a grant's uniqueness sentinel: its target and its principal, ids only (both kinds
   * are named, so a document and a folder, or a user and a team, never share a value).
   */
  public static String grantValue(String documentId, String folderId, String userId, String teamId) {
    String target = documentId != null ? DOC + ":" + documentId : FOLDER + ":" + folderId;
    String principal = userId != null ? "USER:" + userId : "TEAM:" + teamId;
    return target + "/" + principal;
  }

  /** The teams a user belongs to, as DMS learned them from tenancy's events. */
  public static Key memberTeams(TenantId tenant, String userId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("DMS_MEMBER", userId).build()).sortValue(TEAMS)
        .build();
  }

  /**
   * One user's membership of one team as DMS last learned it ({@code SK=MEMBER#u}), or the team's
   * deletion ({@code SK=TEAM}): the team's roster, so that a deleted team leaves each member's
   * teams, and the time of the newest event applied, so that an older one never undoes it.
   */
  public static Key teamRosterEntry(TenantId tenant, String teamId, String userId) {
    return Key.builder().partitionValue(teamRoster(tenant, teamId)).sortValue(Keys.of("MEMBER", userId)).build();
  }

  /** The team's own entry in its roster: present once the team is deleted. */
  public static Key teamRosterTombstone(TenantId tenant, String teamId) {
    return Key.builder().partitionValue(teamRoster(tenant, teamId)).sortValue("TEAM").build();
  }

  public static String teamRoster(TenantId tenant, String teamId) {
    return Keys.tenant(tenant).with("DMS_TEAM", teamId).build();
  }

  // ---- content and shares ----

  /** The tenant's one copy of the bytes with this SHA-256 (hex): content is addressed per tenant. */
  public static Key content(TenantId tenant, String sha256Hex) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(CONTENT, sha256Hex).build()).sortValue(CONTENT)
        .build();
  }

  /** The tenant's DMS storage counter: the exact bytes of its distinct content, and a version ordering its changes. */
  public static Key usage(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("DMS_USAGE").build()).sortValue(USAGE).build();
  }

  /** Where the bytes of a pending upload wait for {@code complete}. */
  public static String stagingObject(TenantId tenant, String uploadId) {
    return "tenants/" + tenant.value() + "/dms/staging/" + uploadId;
  }

  /** Where the tenant's one copy of the bytes with this SHA-256 (hex) lives. */
  public static String contentObject(TenantId tenant, String sha256Hex) {
    return "tenants/" + tenant.value() + "/dms/content/" + sha256Hex;
  }

  public static Key share(TenantId tenant, String shareId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(SHARE, shareId).build()).sortValue(SHARE).build();
  }

  /** GSI1 partition of a document's share links. */
  public static String sharesOfDocument(TenantId tenant, String documentId) {
    return Keys.tenant(tenant).with(DOC, documentId).with("SHARES").build();
  }

  /**
   * A share's GSI1 sort key under its document: the active links first, each group by id (creation
   * time), so "the document's active links" is a prefix of the partition.
   */
  public static String shareSort(boolean active, String shareId) {
    return (active ? "0#" : "1#") + shareId;
  }

  /** The prefix of a document's activity rows in its partition. */
  public static String activityPrefix() {
    return ACTIVITY + "#";
  }

  /** The tenant-free item a public link's token (its SHA-256, hex) leads to. */
  public static Key shareToken(String tokenSha256Hex) {
    return Key.builder().partitionValue(Keys.platform().with(SHARE_TOKEN, tokenSha256Hex).build())
        .sortValue(SHARE_TOKEN).build();
  }
}
