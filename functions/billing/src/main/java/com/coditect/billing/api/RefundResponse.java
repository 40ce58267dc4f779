package com.coditect.billing.api;

import com.coditect.billing.data.RefundItem;

/** A refund as reads and the refund request show it. */
public record RefundResponse(String id, String paymentId, String stripeRefundId, long amountCents, String currency,
    String reason, String status, String refundedBy, String createdAt, String succeededAt) {

  public static RefundResponse from(RefundItem item) {
    return new RefundResponse(item.id(), item.paymentId(), item.stripeRefundId(), item.amountCents(), item.currency(),
        item.reason() == null ? null : item.reason().apiName(), item.status().apiName(), item.refundedBy(),
        item.createdAt(), item.succeededAt());
  }
}
