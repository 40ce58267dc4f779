package com.coditect.shared.error;

import java.util.List;

/** HTTP 413: the body or declared file size is over the limit. */
public final class PayloadTooLargeException extends ApiException {

  public PayloadTooLargeException(String detail) {
    this(detail, List.of());
  }

  public PayloadTooLargeException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static PayloadTooLargeException forField(String field, String message) {
    return new PayloadTooLargeException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 413;
  }

  @Override
  public String title() {
    return "Content too large";
  }
}
