package com.coditect.billing.domain;

/**
 * A {@code customer.subscription.*} event as the webhook stored it: the subscription's state in
 * Stripe at the event's {@code created} (seconds). Times are epoch seconds, null when Stripe gave none.
 *
 * @param trialWillEnd whether it is {@code customer.subscription.trial_will_end} (three days before)
 */
public record SubscriptionEvent(String stripeSubscriptionId, String status, long created, Long currentPeriodStart,
    Long currentPeriodEnd, Long trialStart, Long trialEnd, boolean cancelAtPeriodEnd, Long canceledAt,
    boolean trialWillEnd) {}
