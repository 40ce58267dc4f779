package com.coditect.shared.http;

import com.coditect.shared.store.Versioned;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route returns: a status, headers and either a body object (serialised as JSON by the
 * handler) or no body. Immutable; {@code with*} methods return copies.
 */
public record ApiResponse(int status, Map<String, String> headers, Object body) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json"), body);
  }

  public static ApiResponse ok(Object body) {
    return json(200, body);
  }

  /** 200 with a read or changed resource and its version as the ETag. */
  public static ApiResponse versioned(Versioned<?> result) {
    return ok(result.value()).withVersion(result.version());
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), null);
  }

  /** 201 with the new resource's {@code Location}. */
  public static ApiResponse created(String location, Object body) {
    return json(201, body).withHeader("Location", location);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }

  /** Adds the ETag for an item's version. */
  public ApiResponse withVersion(long version) {
    return withHeader("ETag", etag(version));
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }
}
