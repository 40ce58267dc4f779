package com.coditect.billing.model;

import com.coditect.shared.domain.Choice;

/** The kind of tax a rate is, as Stripe's tax rates name them. */
public enum TaxType implements Choice {
  VAT, GST, SALES_TAX
}
