package com.coditect.dms.data;

import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The grants that reach a document or a folder, as one JSON string attribute: read whole with the
 * item whenever access is decided, so a list page decides from the items it reads and nothing more.
 * Set on the {@code grants} attribute only.
 */
final class GrantsConverter implements AttributeConverter<List<Grant>> {

  static final EnhancedType<List<Grant>> TYPE = EnhancedType.listOf(Grant.class);

  @Override
  public AttributeValue transformFrom(List<Grant> grants) {
    List<Map<String, Object>> written = new ArrayList<>();
    for (Grant grant : grants) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", grant.id());
      entry.put("level", grant.level().apiName());
      entry.put("document_id", grant.documentId());
      entry.put("folder_id", grant.folderId());
      entry.put("user_id", grant.userId());
      entry.put("team_id", grant.teamId());
      entry.put("expires_at", grant.expiresAt() == null ? null : grant.expiresAt().toString());
      written.add(entry);
    }
    return AttributeValue.fromS(JsonText.write(written));
  }

  @Override
  public List<Grant> transformTo(AttributeValue stored) {
    List<Grant> grants = new ArrayList<>();
    for (JsonNode entry : Json.readTree(stored.s())) {
      String expiresAt = entry.path("expires_at").textValue();
      grants.add(new Grant(entry.path("id").textValue(),
          PermissionLevel.valueOf(entry.path("level").textValue().toUpperCase(Locale.ROOT)),
          entry.path("document_id").textValue(), entry.path("folder_id").textValue(),
          entry.path("user_id").textValue(), entry.path("team_id").textValue(),
          expiresAt == null ? null : Instant.parse(expiresAt)));
    }
    return List.copyOf(grants);
  }

  @Override
  public EnhancedType<List<Grant>> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
