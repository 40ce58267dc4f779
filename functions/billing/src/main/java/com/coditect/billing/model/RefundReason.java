package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** Why money goes back, in Stripe's words. */
public enum RefundReason implements Choice {
  DUPLICATE, FRAUDULENT, REQUESTED_BY_CUSTOMER
}
