package com.coditect.dms.api;

import com.coditect.dms.data.DocumentActivityItem;

/** One row of a document's activity: who did what, from where. {@code user_id} is null for a share link's recipient. */
public record ActivityResponse(String id, String documentId, String userId, String action, String ipAddress,
    String userAgent, String createdAt) {

  public static ActivityResponse from(DocumentActivityItem row) {
    return new ActivityResponse(row.id(), row.documentId(), row.userId(), row.action().apiName(), row.ipAddress(),
        row.userAgent(), row.createdAt());
  }
}
