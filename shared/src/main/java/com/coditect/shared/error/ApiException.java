package com.coditect.shared.error;

import java.util.List;

/**
 * The one family of errors a route may raise on purpose; {@link ProblemMapper} turns each into
 * RFC 9457 problem+json. Anything else that escapes a route is a 500 that shows no internals.
 */
public abstract sealed class ApiException extends RuntimeException
    permits BadRequestException, UnauthorizedException, ForbiddenException, NotFoundException,
        ConflictException, PreconditionFailedException, UnprocessableException,
        PayloadTooLargeException, TooManyRequestsException, GoneException, BadGatewayException {

  private final List<FieldError> errors;

  protected ApiException(String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.errors = List.copyOf(errors);
  }

  public abstract int status();

  /** Short, stable title; the `type` URI is derived from it. */
  public abstract String title();

  public final String detail() {
    return getMessage();
  }

  public final List<FieldError> errors() {
    return errors;
  }
}
