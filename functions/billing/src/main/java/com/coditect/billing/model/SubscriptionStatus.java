package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** A subscription's status, as Stripe names it; Stripe decides, the webhook brings it. */
public enum SubscriptionStatus implements Choice {
  INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED
}
