package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/teams}. */
public record CreateTeamRequest(String name, String description) {

  public static CreateTeamRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateTeamRequest(
        fields.requiredString("name", ProfileFields.NAME_MAX),
        fields.optionalString("description", ProfileFields.DESCRIPTION_MAX));
    fields.finish();
    return request;
  }
}
