package com.coditect.billing.api;

import com.coditect.billing.model.TaxType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/tax-rates}: {@code inclusive} defaults to false, {@code active} to true. */
public record CreateTaxRateRequest(String displayName, String percentage, String jurisdiction, String countryCode,
    String stateCode, TaxType taxType, boolean inclusive, boolean active) {

  public static CreateTaxRateRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateTaxRateRequest(
        fields.requiredString("display_name", TaxRateFields.DISPLAY_NAME_MAX),
        TaxRateFields.requiredPercentage(fields),
        fields.requiredString("jurisdiction", TaxRateFields.JURISDICTION_MAX),
        fields.requiredCountryCode("country_code"),
        TaxRateFields.optionalState(fields),
        fields.requiredChoice("tax_type", TaxType.class),
        Boolean.TRUE.equals(fields.patchBoolean("inclusive", false).orElse(false)),
        Boolean.TRUE.equals(fields.patchBoolean("active", false).orElse(true)));
    fields.finish();
    return request;
  }
}
