package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code PATCH /v1/users/{user_id}} (admin): name, role and whether the account is active. */
public record UpdateUserRequest(Patch<String> name, Patch<String> role, Patch<String> status) {

  /** Statuses an admin may set; {@code invited} is only ever the server's initial state. */
  public static final List<String> SETTABLE_STATUSES = List.of("active", "disabled");

  public static UpdateUserRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    var request = new UpdateUserRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchChoice("role", com.coditect.shared.tenancy.Role.NAMES, false),
        fields.patchChoice("status", SETTABLE_STATUSES, false));
    fields.finish();
    return request;
  }
}
