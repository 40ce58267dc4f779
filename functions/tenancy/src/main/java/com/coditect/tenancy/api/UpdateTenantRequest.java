package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.tenancy.model.TenantCompanySize;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/tenant}: absent fields stay as they are; null clears an optional one. */
public record UpdateTenantRequest(
    Patch<String> name, Patch<String> website, Patch<String> industry,
    Patch<TenantCompanySize> companySize, Patch<String> billingEmail, Patch<String> taxId, Patch<Integer> auditRetentionDays) {

  public static UpdateTenantRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    ProfileFields.rejectPhoneNumber(fields);
    var request = new UpdateTenantRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchUrl("website", true),
        fields.patchString("industry", ProfileFields.INDUSTRY_MAX, true),
        fields.patchChoice("company_size", TenantCompanySize.class, true),
        fields.patchEmail("billing_email", true),
        fields.patchString("tax_id", ProfileFields.TAX_ID_MAX, true),
        // A bound like the other fields' limits, so a 400 naming the field, as they get. Not
        // nullable: "no choice" is the default, which a client sets by sending 365.
        fields.patchInteger(AuditRetention.ATTRIBUTE, AuditRetention.MIN_DAYS, AuditRetention.MAX_DAYS, false));
    fields.finish();
    return request;
  }

  /** True when only billing contact fields change: the billing role may make such a change. */
  public boolean onlyBillingFields() {
    return !name.isPresent() && !website.isPresent()
        && !industry.isPresent() && !companySize.isPresent() && !auditRetentionDays.isPresent();
  }
}
