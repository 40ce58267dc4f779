package com.coditect.pm.api;

import com.coditect.pm.data.SprintItem;

/** A sprint as the API shows it (its version is the ETag). */
public record SprintResponse(
    String id, String projectId, String name, String goal, String status, String startDate, String endDate,
    String createdAt, String updatedAt, String completedAt) {

  public static SprintResponse from(SprintItem item) {
    return new SprintResponse(item.id(), item.projectId(), item.name(), item.goal(), item.status().apiName(),
        item.startDate(), item.endDate(), item.createdAt(), item.updatedAt(), item.completedAt());
  }
}
