package com.coditect.contacts.api;

import static com.coditect.contacts.api.AddressFields.CITY_MAX;
import static com.coditect.contacts.api.AddressFields.LINE_MAX;
import static com.coditect.contacts.api.AddressFields.NAME_MAX;
import static com.coditect.contacts.api.AddressFields.POSTAL_CODE_MAX;
import static com.coditect.contacts.api.AddressFields.STATE_MAX;

import com.coditect.contacts.model.ContactAddressType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** {@code PATCH /v1/addresses/{address_id}}: the fields present change; nullable ones may be cleared. */
public record UpdateAddressRequest(Patch<ContactAddressType> addressType, Patch<String> label, Patch<String> fullName,
    Patch<String> companyName, Patch<String> addressLine1, Patch<String> addressLine2, Patch<String> city,
    Patch<String> state, Patch<String> postalCode, Patch<String> countryCode, Patch<BigDecimal> latitude,
    Patch<BigDecimal> longitude, Patch<Boolean> isDefault) {

  public static UpdateAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    Patch<ContactAddressType> addressType = fields.patchChoice("address_type", ContactAddressType.class, false);
    Patch<String> label = fields.patchString("label", ContactFields.LABEL_MAX, true);
    Patch<String> fullName = fields.patchString("full_name", NAME_MAX, true);
    Patch<String> companyName = fields.patchString("company_name", NAME_MAX, true);
    Patch<String> line1 = fields.patchString("address_line1", LINE_MAX, false);
    Patch<String> line2 = fields.patchString("address_line2", LINE_MAX, true);
    Patch<String> city = fields.patchString("city", CITY_MAX, false);
    Patch<String> state = fields.patchString("state", STATE_MAX, true);
    Patch<String> postalCode = fields.patchString("postal_code", POSTAL_CODE_MAX, false);
    Patch<String> countryCode = fields.patchCountryCode("country_code");
    Patch<BigDecimal> latitude = AddressFields.latitude(fields, true);
    Patch<BigDecimal> longitude = AddressFields.longitude(fields, true);
    AddressFields.requireBothOrNeither(fields, latitude, longitude);
    Patch<Boolean> isDefault = fields.patchBoolean("is_default", false);
    ContactFields.rejectOwnerChange(fields);
    fields.finish();
    if (latitude.isPresent()) {
      BigDecimal[] point = AddressFields.point(latitude.value(), longitude.value());
      latitude = Patch.of(point[0]);
      longitude = Patch.of(point[1]);
    }
    return new UpdateAddressRequest(addressType, label, fullName, companyName, line1, line2, city, state, postalCode,
        countryCode, latitude, longitude, isDefault);
  }
}
