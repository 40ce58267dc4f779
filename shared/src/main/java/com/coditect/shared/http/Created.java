package com.coditect.shared.http;

/**
 * A resource a create route made: where it lives, its API view, its first version, and the status
 * that answers the create: 201, or 202 when the resource is finished asynchronously (a compliance
 * report). An {@code Idempotency-Key} replay answers with the same status.
 */
public record Created<T>(String location, T body, long version, int status) {

  public Created(String location, T body, long version) {
    this(location, body, version, 201);
  }

  /** 202: the resource exists and work on it continues after the response. */
  public static <T> Created<T> accepted(String location, T body, long version) {
    return new Created<>(location, body, version, 202);
  }

  public ApiResponse toResponse() {
    return ApiResponse.json(status, body).withHeader("Location", location).withVersion(version);
  }
}
