package com.coditect.shared.error;

import java.util.List;

/** HTTP 400: the request is malformed or a field breaks a syntax rule. */
public final class BadRequestException extends ApiException {

  public BadRequestException(String detail) {
    this(detail, List.of());
  }

  public BadRequestException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static BadRequestException forField(String field, String message) {
    return new BadRequestException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String title() {
    return "Bad request";
  }
}
