package com.coditect.commerce.model;

import com.coditect.shared.domain.Choice;

/** A cart is open until its checkout makes an order of it; a checked-out cart changes no more. */
public enum CartStatus implements Choice {
  OPEN, CHECKED_OUT
}
