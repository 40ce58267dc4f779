package com.coditect.commerce.model;

import com.coditect.shared.domain.Choice;

/**
 * Where an order stands: pending until its payment succeeds (paid) or fails; an order whose total
 * is zero is paid when placed.
 */
public enum OrderStatus implements Choice {
  PENDING, PAID, FAILED, CANCELLED, REFUNDED
}
