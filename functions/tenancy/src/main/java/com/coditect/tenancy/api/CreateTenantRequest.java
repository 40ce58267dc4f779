package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.tenancy.model.TenantCompanySize;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** {@code POST /v1/tenants}: a new tenant with its first owner. */
public record CreateTenantRequest(
    String name, String slug, String ownerEmail, String ownerName, String website,
    String industry, TenantCompanySize companySize, String billingEmail, String taxId) {

  static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

  public static CreateTenantRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String name = fields.requiredString("name", ProfileFields.NAME_MAX);
    String slug = fields.matching("slug", fields.optionalString("slug", 63), SLUG,
        "must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen");
    JsonFields owner = fields.requiredObject("owner");
    String ownerEmail = null;
    String ownerName = null;
    if (owner != null) {
      ownerEmail = owner.requiredEmail("email");
      ownerName = owner.requiredString("name", ProfileFields.NAME_MAX);
      owner.finish();
    }
    ProfileFields.rejectPhoneNumber(fields);
    String website = fields.optionalUrl("website");
    String industry = fields.optionalString("industry", ProfileFields.INDUSTRY_MAX);
    TenantCompanySize companySize = fields.optionalChoice("company_size", TenantCompanySize.class);
    String billingEmail = fields.optionalEmail("billing_email");
    String taxId = fields.optionalString("tax_id", ProfileFields.TAX_ID_MAX);
    fields.finish();
    return new CreateTenantRequest(name, slug, ownerEmail, ownerName, website, industry, companySize,
        billingEmail, taxId);
  }
}
