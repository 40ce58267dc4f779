package com.coditect.shared.error;

import java.util.List;

/** HTTP 403: the caller's role may not do this. */
public final class ForbiddenException extends ApiException {

  public ForbiddenException(String detail) {
    this(detail, List.of());
  }

  public ForbiddenException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static ForbiddenException forField(String field, String message) {
    return new ForbiddenException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String title() {
    return "Forbidden";
  }
}
