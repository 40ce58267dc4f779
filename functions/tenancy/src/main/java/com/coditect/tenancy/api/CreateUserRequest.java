package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.tenancy.Role;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/users}: invite a user into the caller's tenant. */
public record CreateUserRequest(String email, String name, Role role) {

  public static CreateUserRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String email = fields.requiredEmail("email");
    String name = fields.requiredString("name", ProfileFields.NAME_MAX);
    String role = fields.requiredChoice("role", Role.NAMES);
    ProfileFields.rejectPhoneNumber(fields);
    fields.finish();
    return new CreateUserRequest(email, name, Role.fromApiName(role).orElseThrow());
  }
}
