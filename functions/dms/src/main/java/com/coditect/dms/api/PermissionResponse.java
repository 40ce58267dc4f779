package com.coditect.dms.api;

import com.coditect.dms.data.PermissionItem;

/** A grant as the API shows it; {@code expired} is true once {@code expires_at} has passed (shown, never counted). */
public record PermissionResponse(String id, String documentId, String folderId, String userId, String teamId,
    String permissionLevel, String grantedBy, String expiresAt, boolean expired, String createdAt) {

  public static PermissionResponse from(PermissionItem item, java.time.Instant now) {
    return new PermissionResponse(item.id(), item.documentId(), item.folderId(), item.userId(), item.teamId(),
        item.permissionLevel().apiName(), item.grantedBy(), item.expiresAt(), item.toGrant().expiredAt(now),
        item.createdAt());
  }
}
