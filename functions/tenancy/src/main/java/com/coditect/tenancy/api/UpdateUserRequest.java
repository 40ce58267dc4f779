package com.coditect.tenancy.api;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.UserStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code PATCH /v1/users/{user_id}} (admin): name, role and whether the account is active. */
public record UpdateUserRequest(Patch<String> name, Patch<String> role, Patch<UserStatus> status) {

  /** Statuses an admin may set; {@code invited} is only ever the server's initial state. */
  static final List<String> SETTABLE_STATUSES = List.of(UserStatus.ACTIVE.apiName(), UserStatus.DISABLED.apiName());

  public static UpdateUserRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    ProfileFields.rejectPhoneNumber(fields);
    var request = new UpdateUserRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchChoice("role", Role.NAMES, false),
        // Null after an error, which finish() reports.
        fields.patchChoice("status", SETTABLE_STATUSES, false)
            .map(status -> Choice.fromApiName(UserStatus.class, status).orElse(null)));
    fields.finish();
    return request;
  }
}
