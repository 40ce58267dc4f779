package com.coditect.contacts.api;

import com.coditect.contacts.data.PhoneNumberItem;

/** A phone number as reads and writes show it: {@code phone_number} in E.164, {@code raw_input} as typed. */
public record PhoneNumberResponse(String id, String entityType, String entityId, String phoneType, String label,
    String countryCode, String region, String phoneNumber, String rawInput, String extension, boolean isDefault,
    boolean isVerified, String createdAt, String updatedAt) {

  public static PhoneNumberResponse from(PhoneNumberItem item) {
    return new PhoneNumberResponse(item.id(), item.entityType().apiName(), item.entityId(), item.phoneType().apiName(),
        item.label(), item.countryCode(), item.region(), item.phoneNumber(), item.rawInput(), item.extension(),
        item.isDefault(), item.isVerified(), item.createdAt(), item.updatedAt());
  }
}
