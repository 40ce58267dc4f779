package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** {@code POST /v1/projects}; {@code owner_id} defaults to the caller. */
public record CreateProjectRequest(String key, String name, String description, String ownerId) {

  /** 2-10 capital letters or digits, starting with a letter: the prefix of task keys. */
  static final Pattern KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}$");

  public static CreateProjectRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String key = fields.matching("key", fields.requiredString("key", 10), KEY,
        "must be 2-10 capital letters or digits, starting with a letter");
    var request = new CreateProjectRequest(key,
        fields.requiredString("name", ProfileFields.NAME_MAX),
        fields.optionalString("description", ProfileFields.DESCRIPTION_MAX),
        fields.optionalUuid("owner_id"));
    fields.finish();
    return request;
  }
}
