package com.coditect.billing.api;

import com.coditect.billing.data.PaymentItem;

/** A payment as reads show it. */
public record PaymentResponse(String id, String orderId, String invoiceId, String stripePaymentIntentId,
    String stripeChargeId, long amountCents, long refundedCents, String currency, String status, String paymentMethod,
    String cardLast4, String cardBrand, String failureCode, String failureMessage, String createdAt, String succeededAt,
    String refundedAt) {

  public static PaymentResponse from(PaymentItem item) {
    return new PaymentResponse(item.id(), item.orderId(), item.invoiceId(), item.stripePaymentIntentId(),
        item.stripeChargeId(), item.amountCents(), item.refundedCents(), item.currency(), item.status().apiName(),
        item.paymentMethod().apiName(), item.cardLast4(), item.cardBrand(), item.failureCode(), item.failureMessage(),
        item.createdAt(), item.succeededAt(), item.refundedAt());
  }
}
