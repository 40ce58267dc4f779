package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** {@code POST .../confirm}: {@code {"code": "123456"}}, the six digits that were sent. */
public record ConfirmVerificationRequest(String code) {

  private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");

  public static ConfirmVerificationRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String code = fields.matching("code", fields.requiredString("code", 6), SIX_DIGITS, "must be the six digits sent");
    fields.finish();
    return new ConfirmVerificationRequest(code);
  }
}
