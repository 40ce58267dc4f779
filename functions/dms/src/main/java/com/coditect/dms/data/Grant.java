package com.coditect.dms.data;

import com.coditect.dms.model.PermissionLevel;

import java.time.Instant;

/**
 * A permission grant as access is decided from it: on a document or a folder (whichever is set),
 * to a user or a team (whichever is set), at a level, until {@code expiresAt} (null: no end).
 */
public record Grant(String id, PermissionLevel level, String documentId, String folderId, String userId,
    String teamId, Instant expiresAt) {

  /** True once {@code expiresAt} has passed: shown, never counted. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
