package com.coditect.billing.data;

import com.coditect.shared.error.BadGatewayException;
import com.coditect.shared.log.Log;
import com.stripe.exception.StripeException;

/** What a refused or failed Stripe call becomes: a logged warning for operators, a 502 for the caller. */
public final class StripeFailures {

  private static final Log LOG = Log.forClass(StripeFailures.class);

  private StripeFailures() {}

  /** Logs Stripe's error (kind, HTTP status, code, request id; never the message, which may echo input). */
  public static BadGatewayException failed(StripeException e, String what) {
    LOG.warn("stripe call failed", "call", what, "error", e.getClass().getSimpleName(), "http_status",
        e.getStatusCode(), "code", e.getCode(), "stripe_request_id", e.getRequestId());
    return new BadGatewayException("Stripe did not take the " + what + (e.getCode() == null ? "" : " (" + e.getCode() + ")")
        + "; nothing was changed. Try again.");
  }
}
