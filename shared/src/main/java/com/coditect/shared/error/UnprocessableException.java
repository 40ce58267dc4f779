package com.coditect.shared.error;

import java.util.List;

/** HTTP 422: well-formed but against a business rule. */
public final class UnprocessableException extends ApiException {

  public UnprocessableException(String detail) {
    this(detail, List.of());
  }

  public UnprocessableException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static UnprocessableException forField(String field, String message) {
    return new UnprocessableException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 422;
  }

  @Override
  public String title() {
    return "Unprocessable content";
  }
}
