package com.coditect.billing.api;

import static com.coditect.billing.api.BillingAddressFields.CITY_MAX;
import static com.coditect.billing.api.BillingAddressFields.LINE_MAX;
import static com.coditect.billing.api.BillingAddressFields.NAME_MAX;
import static com.coditect.billing.api.BillingAddressFields.PHONE_MAX;
import static com.coditect.billing.api.BillingAddressFields.POSTAL_CODE_MAX;
import static com.coditect.billing.api.BillingAddressFields.STATE_MAX;

import com.coditect.billing.model.AddressType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/billing-addresses/{address_id}}: the fields present change; nullable ones may be cleared. */
public record UpdateBillingAddressRequest(Patch<AddressType> addressType, Patch<String> fullName,
    Patch<String> companyName, Patch<String> addressLine1, Patch<String> addressLine2, Patch<String> city,
    Patch<String> state, Patch<String> postalCode, Patch<String> countryCode, Patch<String> phone,
    Patch<Boolean> isDefault) {

  public static UpdateBillingAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    var request = new UpdateBillingAddressRequest(
        fields.patchChoice("address_type", AddressType.class, false),
        fields.patchString("full_name", NAME_MAX, false),
        fields.patchString("company_name", NAME_MAX, true),
        fields.patchString("address_line1", LINE_MAX, false),
        fields.patchString("address_line2", LINE_MAX, true),
        fields.patchString("city", CITY_MAX, false),
        fields.patchString("state", STATE_MAX, true),
        fields.patchString("postal_code", POSTAL_CODE_MAX, false),
        fields.patchCountryCode("country_code"),
        fields.patchString("phone", PHONE_MAX, true),
        fields.patchBoolean("is_default", false));
    fields.finish();
    return request;
  }
}
