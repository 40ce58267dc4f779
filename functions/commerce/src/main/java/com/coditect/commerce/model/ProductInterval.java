package com.coditect.commerce.model;

import com.coditect.shared.domain.Choice;

/** How a product is paid: once, or every month or year (a subscription's price). */
public enum ProductInterval implements Choice {
  ONE_TIME, MONTH, YEAR
}
