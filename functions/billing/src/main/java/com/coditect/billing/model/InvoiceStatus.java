package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** An invoice's status, as Stripe names it: draft, then open, then paid, void or uncollectible. */
public enum InvoiceStatus implements Choice {
  DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE;

  /** How far along its life an invoice is: a later event never moves it back. */
  public int rank() {
    return switch (this) {
      case DRAFT -> 0;
      case OPEN -> 1;
      case PAID, VOID, UNCOLLECTIBLE -> 2;
    };
  }
}
