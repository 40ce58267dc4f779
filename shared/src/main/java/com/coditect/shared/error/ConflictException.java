package com.coditect.shared.error;

import java.util.List;

/** HTTP 409: a uniqueness or state clash. */
public final class ConflictException extends ApiException {

  public ConflictException(String detail) {
    this(detail, List.of());
  }

  public ConflictException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static ConflictException forField(String field, String message) {
    return new ConflictException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String title() {
    return "Conflict";
  }
}
