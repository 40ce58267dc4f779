package com.coditect.contacts.model;

import com.coditect.shared.domain.Choice;

/**
 * What an address is for; one default per owner and type. (Billing's own billing addresses have
 * their shorter list, {@code AddressType}.)
 */
public enum ContactAddressType implements Choice {
  BILLING, SHIPPING, OFFICE, HOME
}
