package com.coditect.shared.error;

import java.util.List;

/**
 * HTTP 502: a service the request depends on (Stripe) refused or failed the call, so nothing was
 * done. The detail says what to do; it never echoes the upstream's own message.
 */
public final class BadGatewayException extends ApiException {

  public BadGatewayException(String detail) {
    super(detail, List.of());
  }

  @Override
  public int status() {
    return 502;
  }

  @Override
  public String title() {
    return "Bad Gateway";
  }
}
