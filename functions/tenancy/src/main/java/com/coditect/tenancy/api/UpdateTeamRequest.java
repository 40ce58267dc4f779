package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/teams/{team_id}}. */
public record UpdateTeamRequest(Patch<String> name, Patch<String> description) {

  public static UpdateTeamRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    var request = new UpdateTeamRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchString("description", ProfileFields.DESCRIPTION_MAX, true));
    fields.finish();
    return request;
  }
}
