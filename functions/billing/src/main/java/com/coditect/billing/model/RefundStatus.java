package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** Where a refund stands, as Stripe reports it. */
public enum RefundStatus implements Choice {
  PENDING, SUCCEEDED, FAILED, CANCELLED
}
