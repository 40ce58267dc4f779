package com.coditect.dms.api;

import java.util.List;

/**
 * {@code GET /v1/documents/{document_id}/effective-permission}: the user's level (null: none), why
 * when it is not from grants ({@code tenant_admin}, {@code owner}; {@code grants} otherwise, null
 * with no level), and every grant reaching the document for them, the expired ones included.
 */
public record EffectivePermissionResponse(String documentId, String userId, String level, String because,
    List<Source> grants) {

  /**
   * One source of access: {@code role} (a tenant owner or admin), {@code owner} (the document's
   * owner), or a grant ({@code document}, {@code folder}, {@code team}) with its id, its route
   * ({@code direct}, {@code inherited}, {@code direct_via_team}, {@code inherited_via_team}) and the
   * folder or team it came through.
   */
  public record Source(String source, String permissionId, String route, String folderId, String folderName,
      String teamId, String level, String expiresAt, boolean expired) {}
}
