package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** How a payment is paid. */
public enum PaymentMethod implements Choice {
  CARD, BANK_ACCOUNT, GOOGLE_PAY, APPLE_PAY
}
