package com.coditect.contacts.api;

import com.coditect.contacts.data.AddressItem;
import java.math.BigDecimal;

/** An address as reads and writes show it (coordinates as JSON numbers, six places at most). */
public record AddressResponse(String id, String entityType, String entityId, String addressType, String label,
    String fullName, String companyName, String addressLine1, String addressLine2, String city, String state,
    String postalCode, String countryCode, BigDecimal latitude, BigDecimal longitude, boolean isDefault,
    boolean isVerified, String createdAt, String updatedAt) {

  public static AddressResponse from(AddressItem item) {
    return new AddressResponse(item.id(), item.entityType().apiName(), item.entityId(), item.addressType().apiName(),
        item.label(), item.fullName(), item.companyName(), item.addressLine1(), item.addressLine2(), item.city(),
        item.state(), item.postalCode(), item.countryCode(), item.latitude(), item.longitude(), item.isDefault(),
        item.isVerified(), item.createdAt(), item.updatedAt());
  }
}
