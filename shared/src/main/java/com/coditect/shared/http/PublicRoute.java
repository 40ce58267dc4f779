package com.coditect.shared.http;

/** A route that needs no token (API.md marks these public). */
@FunctionalInterface
public interface PublicRoute {
  ApiResponse handle(ApiRequest request);
}
