package com.coditect.billing.domain;

/**
 * An {@code invoice.*} event as the webhook stored it: the invoice's state in Stripe at the event's
 * {@code created} (seconds).
 *
 * @param stripeSubscriptionId the subscription it bills, or null
 * @param paymentFailed whether it is {@code invoice.payment_failed}
 */
public record InvoiceEvent(String stripeInvoiceId, String stripeCustomerId, String stripeSubscriptionId, String number,
    String status, long amountDueCents, long amountPaidCents, String currency, String hostedInvoiceUrl, Long periodStart,
    Long periodEnd, long created, boolean paymentFailed) {}
