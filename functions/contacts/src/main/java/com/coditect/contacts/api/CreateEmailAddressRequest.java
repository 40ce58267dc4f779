package com.coditect.contacts.api;

import com.coditect.contacts.model.EmailType;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** {@code POST /v1/email-addresses}: owner, type and address; the address is syntax-checked here. */
public record CreateEmailAddressRequest(EntityType entityType, String entityId, EmailType emailType, String email,
    String label, boolean isDefault) {

  public static final Set<EntityType> OWNERS = Set.of(EntityType.TENANT, EntityType.USER);

  public static CreateEmailAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateEmailAddressRequest(
        fields.requiredChoice("entity_type", EntityType.class),
        fields.requiredUuid("entity_id"),
        fields.requiredChoice("email_type", EmailType.class),
        EmailAddressFields.normalised(fields, fields.requiredString("email", EmailAddressFields.EMAIL_MAX)),
        fields.optionalString("label", ContactFields.LABEL_MAX),
        Boolean.TRUE.equals(fields.patchBoolean("is_default", false).orElse(false)));
    fields.reject("is_verified", "is set by confirming a verification code");
    fields.finish();
    return request;
  }
}
