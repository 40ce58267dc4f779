package com.coditect.shared.error;

import java.util.List;

/** HTTP 401: no valid token, or a token without a tenant where one is needed. */
public final class UnauthorizedException extends ApiException {

  public UnauthorizedException(String detail) {
    this(detail, List.of());
  }

  public UnauthorizedException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static UnauthorizedException forField(String field, String message) {
    return new UnauthorizedException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 401;
  }

  @Override
  public String title() {
    return "Unauthorized";
  }
}
