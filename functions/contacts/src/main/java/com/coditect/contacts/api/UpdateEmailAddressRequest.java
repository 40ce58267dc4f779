package com.coditect.contacts.api;

import com.coditect.contacts.model.EmailType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/email-addresses/{email_id}}: the fields present change; a new address is unverified. */
public record UpdateEmailAddressRequest(Patch<EmailType> emailType, Patch<String> email, Patch<String> label,
    Patch<Boolean> isDefault) {

  public static UpdateEmailAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    Patch<String> email = fields.patchString("email", EmailAddressFields.EMAIL_MAX, false);
    var request = new UpdateEmailAddressRequest(
        fields.patchChoice("email_type", EmailType.class, false),
        email.isPresent() ? Patch.of(EmailAddressFields.normalised(fields, email.value())) : email,
        fields.patchString("label", ContactFields.LABEL_MAX, true),
        fields.patchBoolean("is_default", false));
    ContactFields.rejectOwnerChange(fields);
    fields.finish();
    return request;
  }
}
