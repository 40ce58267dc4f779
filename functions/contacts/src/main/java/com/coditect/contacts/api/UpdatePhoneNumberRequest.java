package com.coditect.contacts.api;

import com.coditect.contacts.model.PhoneType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/phone-numbers/{phone_id}}: the fields present change; a new {@code phone_number}
 * is read with the new {@code country_code} if one is sent, else with the stored one.
 */
public record UpdatePhoneNumberRequest(Patch<PhoneType> phoneType, Patch<String> countryCode, Patch<String> phoneNumber,
    Patch<String> extension, Patch<String> label, Patch<Boolean> isDefault) {

  public static UpdatePhoneNumberRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    Patch<String> countryCode = fields.patchString("country_code", ContactFields.COUNTRY_CODE_MAX, false);
    if (countryCode.isPresent()) {
      ContactFields.checkDialingOrRegion(fields, countryCode.value());
    }
    Patch<String> extension = fields.patchString("extension", PhoneNumberFields.EXTENSION_MAX, true);
    if (extension.isPresent()) {
      PhoneNumberFields.extension(fields, extension.value());
    }
    var request = new UpdatePhoneNumberRequest(
        fields.patchChoice("phone_type", PhoneType.class, false),
        countryCode,
        fields.patchString("phone_number", PhoneNumberFields.NUMBER_MAX, false),
        extension,
        fields.patchString("label", ContactFields.LABEL_MAX, true),
        fields.patchBoolean("is_default", false));
    ContactFields.rejectOwnerChange(fields);
    fields.finish();
    return request;
  }
}
