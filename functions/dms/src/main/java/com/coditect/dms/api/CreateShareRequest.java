package com.coditect.dms.api;

import com.coditect.dms.model.SharePermission;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/documents/{document_id}/shares}. That {@code expires_at} is in the future and
 * that {@code version_number} exists are rules of the service.
 */
public record CreateShareRequest(SharePermission permissionLevel, String expiresAt, String password,
    Integer maxAccessCount, Integer versionNumber) {

  public static CreateShareRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateShareRequest(
        fields.requiredChoice("permission_level", SharePermission.class),
        fields.optionalTimestamp("expires_at"),
        ShareFields.password(fields),
        fields.optionalInteger("max_access_count", 1, ShareFields.MAX_ACCESS_COUNT),
        fields.optionalInteger("version_number", 1, Integer.MAX_VALUE));
    fields.finish();
    return request;
  }
}
