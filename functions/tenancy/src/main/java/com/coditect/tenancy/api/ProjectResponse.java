package com.coditect.tenancy.api;

import com.coditect.tenancy.data.ProjectItem;

/** A project as the API shows it. */
public record ProjectResponse(
    String id, String key, String name, String description, String status, String ownerId,
    String createdAt, String updatedAt) {

  public static ProjectResponse from(ProjectItem item) {
    return new ProjectResponse(item.id(), item.key(), item.name(), item.description(), item.status().apiName(),
        item.ownerId(), item.createdAt(), item.updatedAt());
  }
}
