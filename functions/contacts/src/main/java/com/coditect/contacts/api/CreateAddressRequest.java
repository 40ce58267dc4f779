package com.coditect.contacts.api;

import static com.coditect.contacts.api.AddressFields.CITY_MAX;
import static com.coditect.contacts.api.AddressFields.LINE_MAX;
import static com.coditect.contacts.api.AddressFields.NAME_MAX;
import static com.coditect.contacts.api.AddressFields.POSTAL_CODE_MAX;
import static com.coditect.contacts.api.AddressFields.STATE_MAX;

import com.coditect.contacts.model.ContactAddressType;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;

/**
 * {@code POST /v1/addresses}: owner (a tenant, a user or an order), type, the postal fields and,
 * optionally, the point (both coordinates or neither). The postal code's format for its country is
 * the service's question (422).
 */
public record CreateAddressRequest(EntityType entityType, String entityId, ContactAddressType addressType, String label,
    String fullName, String companyName, String addressLine1, String addressLine2, String city, String state,
    String postalCode, String countryCode, BigDecimal latitude, BigDecimal longitude, boolean isDefault) {

  public static final Set<EntityType> OWNERS = Set.of(EntityType.TENANT, EntityType.USER, EntityType.ORDER);

  public static CreateAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    EntityType entityType = fields.requiredChoice("entity_type", EntityType.class);
    String entityId = fields.requiredUuid("entity_id");
    ContactAddressType addressType = fields.requiredChoice("address_type", ContactAddressType.class);
    String label = fields.optionalString("label", ContactFields.LABEL_MAX);
    String fullName = fields.optionalString("full_name", NAME_MAX);
    String companyName = fields.optionalString("company_name", NAME_MAX);
    String line1 = fields.requiredString("address_line1", LINE_MAX);
    String line2 = fields.optionalString("address_line2", LINE_MAX);
    String city = fields.requiredString("city", CITY_MAX);
    String state = fields.optionalString("state", STATE_MAX);
    String postalCode = fields.requiredString("postal_code", POSTAL_CODE_MAX);
    String countryCode = fields.requiredCountryCode("country_code");
    Patch<BigDecimal> latitude = AddressFields.latitude(fields, true);
    Patch<BigDecimal> longitude = AddressFields.longitude(fields, true);
    AddressFields.requireBothOrNeither(fields, latitude, longitude);
    boolean isDefault = Boolean.TRUE.equals(fields.patchBoolean("is_default", false).orElse(false));
    fields.reject("is_verified", "is not set through the API: no address verification service is connected");
    fields.finish();
    BigDecimal[] point = AddressFields.point(latitude.orElse(null), longitude.orElse(null));
    return new CreateAddressRequest(entityType, entityId, addressType, label, fullName, companyName, line1, line2, city,
        state, postalCode, countryCode, point[0], point[1], isDefault);
  }
}
