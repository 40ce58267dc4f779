package com.coditect.billing.api;

import static com.coditect.billing.api.BillingAddressFields.CITY_MAX;
import static com.coditect.billing.api.BillingAddressFields.LINE_MAX;
import static com.coditect.billing.api.BillingAddressFields.NAME_MAX;
import static com.coditect.billing.api.BillingAddressFields.PHONE_MAX;
import static com.coditect.billing.api.BillingAddressFields.POSTAL_CODE_MAX;
import static com.coditect.billing.api.BillingAddressFields.STATE_MAX;

import com.coditect.billing.model.AddressType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/billing-addresses}: {@code address_type} defaults to billing, {@code is_default} to false. */
public record CreateBillingAddressRequest(AddressType addressType, String fullName, String companyName,
    String addressLine1, String addressLine2, String city, String state, String postalCode, String countryCode,
    String phone, boolean isDefault) {

  public static CreateBillingAddressRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    AddressType type = fields.optionalChoice("address_type", AddressType.class);
    var request = new CreateBillingAddressRequest(
        type == null ? AddressType.BILLING : type,
        fields.requiredString("full_name", NAME_MAX),
        fields.optionalString("company_name", NAME_MAX),
        fields.requiredString("address_line1", LINE_MAX),
        fields.optionalString("address_line2", LINE_MAX),
        fields.requiredString("city", CITY_MAX),
        fields.optionalString("state", STATE_MAX),
        fields.requiredString("postal_code", POSTAL_CODE_MAX),
        fields.requiredCountryCode("country_code"),
        fields.optionalString("phone", PHONE_MAX),
        Boolean.TRUE.equals(fields.patchBoolean("is_default", false).orElse(false)));
    fields.finish();
    return request;
  }
}
