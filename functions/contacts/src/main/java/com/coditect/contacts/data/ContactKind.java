package com.coditect.contacts.data;

/**
 * The three kinds of contact, which are stored alike: the word of their keys ({@code ADDRESS},
 * {@code PHONE_NUMBER}, {@code EMAIL_ADDRESS}) and of their default pointers.
 */
public enum ContactKind {
  ADDRESS, PHONE_NUMBER, EMAIL_ADDRESS;

  /** The entity word of the contact items ({@code entity_type} of the item meta) and of their keys. */
  public String entity() {
    return name();
  }
}
