package com.coditect.testing;

/**
 * One HttpApi event of a function in {@code template.yaml}.
 *
 * @param isPublic true when the route opts out of the JWT authorizer ({@code Auth: Authorizer: NONE})
 */
public record TemplateRoute(
    String functionLogicalId, String handler, String method, String path, boolean isPublic) {

  /** The HTTP API route key, e.g. {@code GET /v1/users/{user_id}}, as in event.routeKey. */
  public String routeKey() {
    return method + " " + path;
  }
}
