package com.coditect.billing.domain;

import com.coditect.billing.model.RefundStatus;

/**
 * What a {@code refund.updated} event (or each refund of a {@code charge.refunded}) says of a
 * Stripe refund: its status and whose it is ({@code coditect_refund_id} in its metadata when we
 * made it).
 */
public record RefundEvent(String stripeRefundId, String paymentIntentId, String refundId, RefundStatus status) {}
