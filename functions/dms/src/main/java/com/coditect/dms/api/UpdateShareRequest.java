package com.coditect.dms.api;

import com.coditect.dms.model.SharePermission;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/shares/{share_id}}: {@code expires_at} (null: never), {@code permission_level},
 * {@code is_active}, {@code password} (a new one, or null to remove it) and
 * {@code max_access_count} (null: no limit). The token and the pinned version never change.
 */
public record UpdateShareRequest(Patch<String> expiresAt, Patch<SharePermission> permissionLevel,
    Patch<Boolean> isActive, Patch<String> password, Patch<Integer> maxAccessCount) {

  public static UpdateShareRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("version_number", "cannot change: a link keeps the version it was made for");
    fields.reject("token", "cannot change: revoke the link and create another");
    var request = new UpdateShareRequest(
        fields.patchTimestamp("expires_at", true),
        fields.patchChoice("permission_level", SharePermission.class, false),
        fields.patchBoolean("is_active", false),
        ShareFields.patchPassword(fields),
        fields.patchInteger("max_access_count", 1, ShareFields.MAX_ACCESS_COUNT, true));
    fields.finish();
    return request;
  }
}
