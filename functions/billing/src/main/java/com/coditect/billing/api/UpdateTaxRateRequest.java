package com.coditect.billing.api;

import com.coditect.billing.model.TaxType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/tax-rates/{tax_rate_id}}: what Stripe lets change on a tax rate. The percentage
 * and {@code inclusive} are fixed once created (invoices already carry them), as in Stripe: a new
 * rate replaces one, and the old is deactivated.
 */
public record UpdateTaxRateRequest(Patch<String> displayName, Patch<String> jurisdiction, Patch<String> countryCode,
    Patch<String> stateCode, Patch<TaxType> taxType, Patch<Boolean> active) {

  private static final String FIXED = "cannot change once the rate exists; create a new rate and deactivate this one";

  public static UpdateTaxRateRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("percentage", FIXED);
    fields.reject("inclusive", FIXED);
    var request = new UpdateTaxRateRequest(
        fields.patchString("display_name", TaxRateFields.DISPLAY_NAME_MAX, false),
        fields.patchString("jurisdiction", TaxRateFields.JURISDICTION_MAX, false),
        fields.patchCountryCode("country_code"),
        TaxRateFields.patchState(fields),
        fields.patchChoice("tax_type", TaxType.class, false),
        fields.patchBoolean("active", false));
    fields.finish();
    return request;
  }
}
