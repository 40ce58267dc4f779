package com.coditect.shared.error;

import java.util.List;

/**
 * HTTP 410: the resource existed and is gone for good from the caller's point of view (a share
 * link that was revoked, has expired or has been used up), unlike 404 for what never existed.
 */
public final class GoneException extends ApiException {

  public GoneException(String detail) {
    super(detail, List.of());
  }

  @Override
  public int status() {
    return 410;
  }

  @Override
  public String title() {
    return "Gone";
  }
}
