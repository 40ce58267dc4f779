package com.coditect.pm.api;

import com.coditect.pm.data.ActivityItem;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a task's history; old and new values are the JSON values they were. */
public record ActivityResponse(String id, String taskId, String userId, String action, String fieldChanged,
    JsonNode oldValue, JsonNode newValue, String createdAt) {

  public static ActivityResponse from(ActivityItem item) {
    return new ActivityResponse(item.id(), item.taskId(), item.userId(), item.action(), item.fieldChanged(),
        json(item.oldValue()), json(item.newValue()), item.createdAt());
  }

  private static JsonNode json(String text) {
    return text == null ? null : Json.readTree(text);
  }
}
