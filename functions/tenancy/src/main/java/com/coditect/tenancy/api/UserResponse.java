package com.coditect.tenancy.api;

import com.coditect.tenancy.data.UserItem;
import java.util.Map;

/** A user as the API shows it. */
public record UserResponse(
    String id, String email, String name, String role, String status, String phoneNumber,
    String avatarUrl, String timezone, String language, Map<String, Boolean> notificationPreferences,
    String createdAt, String updatedAt) {

  public static UserResponse from(UserItem item) {
    return new UserResponse(item.id(), item.email(), item.name(), item.role(), item.status().apiName(),
        item.phoneNumber(), item.avatarUrl(), item.timezone(), item.language(),
        item.notificationPreferences() == null ? Map.of() : item.notificationPreferences(),
        item.createdAt(), item.updatedAt());
  }
}
