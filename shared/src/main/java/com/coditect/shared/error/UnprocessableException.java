package com.coditect.shared.error;

import java.util.List;
import java.util.Map;

/** HTTP 422: well-formed but against a business rule. */
public final class UnprocessableException extends ApiException {

  private final Map<String, Object> extensions;

  public UnprocessableException(String detail) {
    this(detail, List.of());
  }

  public UnprocessableException(String detail, List<FieldError> errors) {
    this(detail, errors, Map.of());
  }

  /**
   * With extension members of the problem document (RFC 9457 section 3.2) beside {@code errors},
   * for a rule whose findings have more structure than a field and a message (a workflow
   * definition's {@code problems}: node id and code).
   */
  public UnprocessableException(String detail, List<FieldError> errors, Map<String, Object> extensions) {
    super(detail, errors);
    this.extensions = Map.copyOf(extensions);
  }

  /** The problem document's extension members (usually none). */
  public Map<String, Object> extensions() {
    return extensions;
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
