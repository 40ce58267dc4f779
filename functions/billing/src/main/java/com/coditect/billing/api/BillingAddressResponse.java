package com.coditect.billing.api;

import com.coditect.billing.data.BillingAddressItem;

/** A billing address as reads and writes show it. */
public record BillingAddressResponse(String id, String addressType, String fullName, String companyName,
    String addressLine1, String addressLine2, String city, String state, String postalCode, String countryCode,
    String phone, boolean isDefault, String createdAt, String updatedAt) {

  public static BillingAddressResponse from(BillingAddressItem item) {
    return new BillingAddressResponse(item.id(), item.addressType().apiName(), item.fullName(), item.companyName(),
        item.addressLine1(), item.addressLine2(), item.city(), item.state(), item.postalCode(), item.countryCode(),
        item.phone(), item.isDefault(), item.createdAt(), item.updatedAt());
  }
}
