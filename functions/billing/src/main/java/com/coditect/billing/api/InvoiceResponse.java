package com.coditect.billing.api;

import com.coditect.billing.data.InvoiceItem;

/** An invoice as Stripe last reported it; {@code hosted_invoice_url} is Stripe's page where it is paid. */
public record InvoiceResponse(String id, String subscriptionId, String number, String status, long amountDueCents,
    long amountPaidCents, String currency, String stripeInvoiceId, String hostedInvoiceUrl, String periodStart,
    String periodEnd, String paymentFailedAt, String paidAt, String createdAt, String updatedAt) {

  public static InvoiceResponse from(InvoiceItem item) {
    return new InvoiceResponse(item.id(), item.subscriptionId(), item.number(), item.status().apiName(),
        item.amountDueCents(), item.amountPaidCents(), item.currency(), item.stripeInvoiceId(), item.hostedInvoiceUrl(),
        item.periodStart(), item.periodEnd(), item.paymentFailedAt(), item.paidAt(), item.createdAt(), item.updatedAt());
  }
}
