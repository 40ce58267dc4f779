package com.coditect.shared.error;

import java.util.List;

/** HTTP 404: absent, deleted, or another tenant's (never distinguished). */
public final class NotFoundException extends ApiException {

  public NotFoundException(String detail) {
    this(detail, List.of());
  }

  public NotFoundException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static NotFoundException forField(String field, String message) {
    return new NotFoundException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "Not found";
  }
}
