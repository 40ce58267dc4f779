package com.coditect.shared.http;

/** A resource a create route made: where it lives, its API view and its first version. */
public record Created<T>(String location, T body, long version) {

  public ApiResponse toResponse() {
    return ApiResponse.created(location, body).withVersion(version);
  }
}
