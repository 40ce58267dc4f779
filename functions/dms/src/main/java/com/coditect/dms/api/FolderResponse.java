package com.coditect.dms.api;

import com.coditect.dms.data.FolderItem;

/** A folder as the API shows it; {@code deleted_at} is set only on a folder that was itself deleted. */
public record FolderResponse(
    String id, String name, String description, String parentId, String projectId, String path, String createdBy,
    String createdAt, String updatedAt, String deletedAt) {

  public static FolderResponse from(FolderItem item) {
    return new FolderResponse(item.id(), item.name(), item.description(), item.parentId(), item.projectId(),
        item.path(), item.createdBy(), item.createdAt(), item.updatedAt(), item.deletedAt());
  }
}
