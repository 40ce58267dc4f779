package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** Where a payment stands: pending until Stripe reports on its PaymentIntent; refunded when fully refunded. */
public enum PaymentStatus implements Choice {
  PENDING, PROCESSING, SUCCEEDED, FAILED, REFUNDED, CANCELLED
}
