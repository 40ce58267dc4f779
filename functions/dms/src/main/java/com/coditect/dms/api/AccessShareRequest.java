package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/public/shares/{token}/access}: the password, when the link has one. */
public record AccessShareRequest(String password) {

  public static AccessShareRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new AccessShareRequest(fields.optionalString("password", ShareFields.PASSWORD_MAX));
    fields.finish();
    return request;
  }
}
