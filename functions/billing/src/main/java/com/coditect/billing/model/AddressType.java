package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** What a billing address is for: invoices and charges, or deliveries. */
public enum AddressType implements Choice {
  BILLING, SHIPPING
}
