package com.coditect.contacts.api;

import com.coditect.contacts.model.EntityType;
import com.coditect.contacts.model.PhoneType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * {@code POST /v1/phone-numbers}: the owner, the type, {@code country_code} (a dialing code or a
 * region: which country's rules read a number written without {@code +}) and the number as typed.
 * Whether the number is valid is the service's question (422); here only shapes and lengths.
 */
public record CreatePhoneNumberRequest(EntityType entityType, String entityId, PhoneType phoneType, String countryCode,
    String phoneNumber, String extension, String label, boolean isDefault) {

  public static final Set<EntityType> OWNERS = Set.of(EntityType.TENANT, EntityType.USER);

  public static CreatePhoneNumberRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreatePhoneNumberRequest(
        fields.requiredChoice("entity_type", EntityType.class),
        fields.requiredUuid("entity_id"),
        fields.requiredChoice("phone_type", PhoneType.class),
        ContactFields.checkDialingOrRegion(fields, fields.requiredString("country_code", ContactFields.COUNTRY_CODE_MAX)),
        fields.requiredString("phone_number", PhoneNumberFields.NUMBER_MAX),
        PhoneNumberFields.extension(fields, fields.optionalString("extension", PhoneNumberFields.EXTENSION_MAX)),
        fields.optionalString("label", ContactFields.LABEL_MAX),
        Boolean.TRUE.equals(fields.patchBoolean("is_default", false).orElse(false)));
    fields.reject("is_verified", "is set by confirming a verification code");
    fields.finish();
    return request;
  }
}
