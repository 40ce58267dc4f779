package com.coditect.contacts.api;

import com.coditect.contacts.data.EmailAddressItem;

/** An e-mail address as reads and writes show it. */
public record EmailAddressResponse(String id, String entityType, String entityId, String emailType, String label,
    String email, boolean isDefault, boolean isVerified, String createdAt, String updatedAt) {

  public static EmailAddressResponse from(EmailAddressItem item) {
    return new EmailAddressResponse(item.id(), item.entityType().apiName(), item.entityId(), item.emailType().apiName(),
        item.label(), item.email(), item.isDefault(), item.isVerified(), item.createdAt(), item.updatedAt());
  }
}
