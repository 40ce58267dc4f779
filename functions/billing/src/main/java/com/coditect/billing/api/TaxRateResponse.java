package com.coditect.billing.api;

import com.coditect.billing.data.TaxRateItem;

/** A tax rate as reads and writes show it; the percentage is decimal text, exact. */
public record TaxRateResponse(String id, String stripeTaxRateId, String displayName, String percentage,
    String jurisdiction, String countryCode, String stateCode, String taxType, boolean inclusive, boolean active,
    String createdAt, String updatedAt) {

  public static TaxRateResponse from(TaxRateItem item) {
    return new TaxRateResponse(item.id(), item.stripeTaxRateId(), item.displayName(), item.percentage(),
        item.jurisdiction(), item.countryCode(), item.stateCode(), item.taxType().apiName(), item.inclusive(),
        item.active(), item.createdAt(), item.updatedAt());
  }
}
