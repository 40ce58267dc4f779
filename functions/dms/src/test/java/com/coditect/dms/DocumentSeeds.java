package com.coditect.dms;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentVersionItem;
import com.coditect.dms.data.Grant;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Documents as the documents part stores them, written directly (its upload routes are another
 * part's): the document item with its current file, a version item per version, and each version's
 * bytes in the tenant's content object ({@code tenants/<t>/dms/content/<sha256 hex>}).
 */
final class DocumentSeeds {

  /** A seeded document and the SHA-256 (hex) of each version's bytes, version 1 first. */
  record Seeded(String id, String title, String fileName, List<String> checksums) {
    String currentChecksum() {
      return checksums.get(checksums.size() - 1);
    }
  }

  private final DmsApi api;

  DocumentSeeds(DmsApi api) {
    this.api = api;
  }

  /** A live document owned by {@code ownerId}, one version per element of {@code versions}. */
  Seeded document(String tenantId, String ownerId, String title, String fileName, String... versions) {
    TenantId tenant = new TenantId(tenantId);
    String id = Ids.newId();
    String now = "2026-12-03T10:00:00.000Z";
    List<String> checksums = new java.util.ArrayList<>();
    try (S3Client s3 = AwsTestEnvironment.documentsBucket()) {
      for (int i = 0; i < versions.length; i++) {
        byte[] bytes = versions[i].getBytes(StandardCharsets.UTF_8);
        String checksum = sha256(bytes);
        checksums.add(checksum);
        s3.putObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(DmsKeys.contentObject(tenant, checksum))
            .contentType("text/plain"), RequestBody.fromBytes(bytes));
        long number = i + 1;
        put(DocumentVersionItem.SCHEMA.itemToMap(DocumentVersionItem.builder()
            .meta(ItemMeta.at(DmsKeys.version(tenant, id, number), DocumentVersionItem.ENTITY).withCreatedAt(now))
            .id(Ids.newId())
            .documentId(id)
            .versionNumber(number)
            .filePath(DmsKeys.contentObject(tenant, checksum))
            .fileName("v" + number + "-" + fileName)
            .fileSizeBytes((long) bytes.length)
            .mimeType("text/plain")
            .checksum(checksum)
            .build(), true));
      }
    }
    String current = checksums.get(checksums.size() - 1);
    put(DocumentItem.SCHEMA.itemToMap(DocumentItem.builder()
        .meta(ItemMeta.created(DmsKeys.document(tenant, id), DocumentItem.ENTITY, now))
        .id(id)
        .title(title)
        .filePath(DmsKeys.contentObject(tenant, current))
        .fileName(fileName)
        .fileSizeBytes((long) versions[versions.length - 1].getBytes(StandardCharsets.UTF_8).length)
        .mimeType("text/plain")
        .checksum(current)
        .currentVersion((long) versions.length)
        .status(DocumentStatus.PUBLISHED)
        .ownerId(ownerId)
        .createdBy(ownerId)
        .tags(List.of())
        .metadata("{}")
        .grants(List.of())
        .build(), true));
    return new Seeded(id, title, fileName, List.copyOf(checksums));
  }

  /** Gives {@code userId} a live grant of {@code level} on the document itself. */
  void grant(String tenantId, String documentId, String userId, PermissionLevel level) {
    var key = DmsKeys.document(new TenantId(tenantId), documentId);
    var stored = api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName()).consistentRead(true)
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow()))).item();
    DocumentItem document = DocumentItem.SCHEMA.mapToItem(stored);
    List<Grant> grants = new java.util.ArrayList<>(document.grants());
    grants.add(new Grant(Ids.newId(), level, documentId, null, userId, null, null));
    put(DocumentItem.SCHEMA.itemToMap(document.withGrants(grants), true));
  }

  /** Marks the document soft deleted, as the documents part's delete does. */
  void delete(String tenantId, String documentId) {
    var key = DmsKeys.document(new TenantId(tenantId), documentId);
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow()))
        .updateExpression("SET deleted_at = :now, #status = :deleted")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("2026-12-03T11:00:00.000Z"),
            ":deleted", AttributeValue.fromS("deleted"))));
  }

  private void put(Map<String, AttributeValue> item) {
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(item));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
