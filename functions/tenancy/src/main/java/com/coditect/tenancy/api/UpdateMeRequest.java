package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code PATCH /v1/me}: the caller's own profile. */
public record UpdateMeRequest(
    Patch<String> name, Patch<String> avatarUrl, Patch<String> timezone,
    Patch<String> language, Patch<Map<String, Boolean>> notificationPreferences) {

  public static UpdateMeRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    ProfileFields.rejectPhoneNumber(fields);
    var request = new UpdateMeRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchUrl("avatar_url", true),
        ProfileFields.timezone(fields),
        ProfileFields.language(fields),
        fields.patchBooleanMap("notification_preferences", ProfileFields.NOTIFICATION_CHANNELS, false));
    fields.finish();
    return request;
  }
}
