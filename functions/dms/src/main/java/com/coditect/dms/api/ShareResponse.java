package com.coditect.dms.api;

import com.coditect.dms.data.ShareItem;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A share link as its managers see it. {@code token} and {@code url} are present only in the
 * answer to its creation: the token is stored as its SHA-256 alone and cannot be shown again.
 */
public record ShareResponse(String id, String documentId, String permissionLevel, String expiresAt,
    boolean needsPassword, Long maxAccessCount, long accessCount, String lastAccessedAt, boolean isActive,
    Long versionNumber, String lockedUntil, String createdBy, String createdAt, String updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String token,
    @JsonInclude(JsonInclude.Include.NON_NULL) String url) {

  public static ShareResponse from(ShareItem share) {
    return new ShareResponse(share.id(), share.documentId(), share.permissionLevel().apiName(), share.expiresAt(),
        share.passwordHash() != null, share.maxAccessCount(), share.accessCount(), share.lastAccessedAt(),
        share.isActive(), share.versionNumber(), share.lockedUntil(), share.createdBy(), share.createdAt(),
        share.updatedAt(), null, null);
  }

  /** This link with its token and public page, for the one answer that shows them. */
  public ShareResponse withToken(String newToken, String pageUrl) {
    return new ShareResponse(id, documentId, permissionLevel, expiresAt, needsPassword, maxAccessCount, accessCount,
        lastAccessedAt, isActive, versionNumber, lockedUntil, createdBy, createdAt, updatedAt, newToken, pageUrl);
  }
}
