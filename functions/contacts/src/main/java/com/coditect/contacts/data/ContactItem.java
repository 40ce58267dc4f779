package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.StoredItem;

/**
 * What the three kinds of contact items have in common: their owner, their type (address, phone
 * or e-mail type, spelled as the API does), and the default and verified flags, so that one
 * repository base and one set of default rules serve all three.
 */
public interface ContactItem<I extends ContactItem<I>> extends StoredItem<I> {

  String id();

  EntityType entityType();

  String entityId();

  /** The contact's type: {@code address_type}, {@code phone_type} or {@code email_type}. */
  String type();

  Boolean isDefault();

  Boolean isVerified();

  I withIsDefault(Boolean isDefault);

  I withIsVerified(Boolean isVerified);
}
