package com.coditect.dms;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.data.Grant;
import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Documents, folders, teams and team memberships written straight into the table, as the documents
 * and folders parts and tenancy store them, for the permission tests.
 */
final class PermissionFixtures {

  static final String NOW = "2026-12-01T10:00:00.000Z";

  private final DmsApi api;

  PermissionFixtures(DmsApi api) {
    this.api = api;
  }

  /** A live folder under {@code parent} (null: at the top), inheriting the parent's grants, as FolderTree derives them. */
  FolderItem folder(String tenantId, FolderItem parent, String name, String createdBy) {
    TenantId tenant = new TenantId(tenantId);
    String id = Ids.newId();
    List<String> ancestors = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    String path = "/" + name;
    if (parent != null) {
      ancestors.addAll(parent.ancestorIds());
      ancestors.add(parent.id());
      grants.addAll(parent.grants());
      path = parent.path() + "/" + name;
    }
    FolderItem folder = FolderRepository.indexed(tenant, FolderItem.builder()
        .meta(FolderRepository.newMeta(tenant, id, NOW))
        .id(id).parentId(parent == null ? null : parent.id()).name(name).path(path).ancestorIds(ancestors)
        .createdBy(createdBy).grants(grants).build());
    put(FolderItem.SCHEMA, folder);
    return folder;
  }

  /** A live document owned by {@code ownerId}, in {@code folder} (null: at the top). */
  DocumentItem document(String tenantId, FolderItem folder, String ownerId) {
    TenantId tenant = new TenantId(tenantId);
    String id = Ids.newId();
    DocumentItem document = DocumentItem.builder()
        .meta(ItemMeta.created(DmsKeys.document(tenant, id), DocumentItem.ENTITY, NOW))
        .id(id).folderId(folder == null ? null : folder.id()).title("Contract " + id.substring(0, 8))
        .currentVersion(1L).status(DocumentStatus.PUBLISHED).ownerId(ownerId).createdBy(ownerId)
        .tags(List.of()).metadata("{}").grants(List.of()).build();
    put(DocumentItem.SCHEMA, document);
    return document;
  }

  /** A live team of the tenant, as tenancy stores it. */
  String team(String tenantId) {
    String teamId = Ids.newId();
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(Map.of(
        "PK", s("T#" + tenantId + "#TEAM#" + teamId), "SK", s("TEAM"), "entity_type", s("TEAM"),
        "id", s(teamId), "name", s("Team " + teamId), "version", AttributeValue.fromN("1"))));
    return teamId;
  }

  /** The teams DMS knows {@code userId} to be in, as the membership sync stores them. */
  void memberOf(String tenantId, String userId, String... teamIds) {
    TenantId tenant = new TenantId(tenantId);
    put(MemberTeamsItem.SCHEMA, MemberTeamsItem.builder()
        .meta(ItemMeta.created(DmsKeys.memberTeams(tenant, userId), MemberTeamsItem.ENTITY, NOW))
        .userId(userId).teamIds(List.of(teamIds)).build());
  }

  DocumentItem storedDocument(String tenantId, String documentId) {
    return get(DocumentItem.SCHEMA, DmsKeys.document(new TenantId(tenantId), documentId));
  }

  FolderItem storedFolder(String tenantId, String folderId) {
    return get(FolderItem.SCHEMA, DmsKeys.folder(new TenantId(tenantId), folderId));
  }

  /** The outbox events of {@code action} about {@code resourceId}. */
  List<JsonNode> events(String action, String resourceId) {
    return api.env.outboxEvents().stream().filter(e -> action.equals(e.path("action").asText()))
        .filter(e -> resourceId.equals(e.path("resource_id").asText())).toList();
  }

  private <T> void put(TableSchema<T> schema, T item) {
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(schema.itemToMap(item, true)));
  }

  private <T> T get(TableSchema<T> schema, Key key) {
    var item = api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName())
        .key(key.primaryKeyMap(schema)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : schema.mapToItem(item);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
