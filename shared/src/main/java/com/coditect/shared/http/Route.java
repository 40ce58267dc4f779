package com.coditect.shared.http;

import com.coditect.shared.tenancy.Caller;

/** A route method: turns a request from an authenticated caller into a response. */
@FunctionalInterface
public interface Route {
  ApiResponse handle(ApiRequest request, Caller caller);
}
