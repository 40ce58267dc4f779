package com.coditect.shared.error;

import java.util.List;

/** HTTP 412: If-Match named a version that is no longer current. */
public final class PreconditionFailedException extends ApiException {

  public PreconditionFailedException(String detail) {
    this(detail, List.of());
  }

  public PreconditionFailedException(String detail, List<FieldError> errors) {
    super(detail, errors);
  }

  /** Convenience for the common case of one offending field. */
  public static PreconditionFailedException forField(String field, String message) {
    return new PreconditionFailedException(message, List.of(new FieldError(field, message)));
  }

  @Override
  public int status() {
    return 412;
  }

  @Override
  public String title() {
    return "Precondition failed";
  }
}
