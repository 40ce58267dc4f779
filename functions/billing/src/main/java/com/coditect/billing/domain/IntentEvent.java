package com.coditect.billing.domain;

import com.coditect.billing.model.PaymentStatus;

/**
 * What a {@code payment_intent.*} event says of its PaymentIntent: the status it reports, when
 * (Stripe's {@code created}, seconds), and what explains it.
 *
 * @param latestChargeId the charge of a succeeded intent (its card is fetched from Stripe), or null
 * @param failureCode Stripe's code of a failed attempt ({@code card_declined}...), or null
 * @param cardBrand the card of a failed attempt, as the event carries it, or null
 */
public record IntentEvent(String intentId, PaymentStatus status, long created, String latestChargeId,
    String failureCode, String failureMessage, String cardBrand, String cardLast4) {}
