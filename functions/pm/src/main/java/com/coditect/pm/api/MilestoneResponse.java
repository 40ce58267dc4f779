package com.coditect.pm.api;

import com.coditect.pm.data.MilestoneItem;

/** A milestone as the API shows it; {@code progress_percent} is derived from its task counters. */
public record MilestoneResponse(
    String id, String projectId, String title, String description, String status, String dueDate,
    int progressPercent, String createdAt, String updatedAt, String completedAt) {

  public static MilestoneResponse from(MilestoneItem item) {
    return new MilestoneResponse(item.id(), item.projectId(), item.title(), item.description(),
        item.status().apiName(), item.dueDate(), item.progressPercent(), item.createdAt(), item.updatedAt(),
        item.completedAt());
  }
}
