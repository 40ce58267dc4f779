package com.coditect.local;

import com.coditect.testing.TemplateRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a request to a template route the way HTTP API does: method and path segments. */
final class RouteTable {

  /** A matched route with its decoded path parameters. */
  record Match(TemplateRoute route, Map<String, String> pathParameters) {}

  private final List<TemplateRoute> routes;

  RouteTable(List<TemplateRoute> routes) {
    this.routes = List.copyOf(routes);
  }

  Optional<Match> match(String method, String rawPath) {
    String[] actual = split(rawPath);
    Match best = null;
    for (TemplateRoute route : routes) {
      if (!route.method().equalsIgnoreCase(method) && !route.method().equalsIgnoreCase("ANY")) {
        continue;
      }
      Map<String, String> params = matchPath(split(route.path()), actual);
      // A literal segment beats a parameter (/v1/tasks/restore vs /v1/tasks/{id}): fewer params win.
      if (params != null && (best == null || params.size() < best.pathParameters().size())) {
        best = new Match(route, params);
      }
    }
    return Optional.ofNullable(best);
  }

  List<TemplateRoute> routes() {
    return routes;
  }

  private static Map<String, String> matchPath(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String segment = template[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        params.put(segment.substring(1, segment.length() - 1), URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
      } else if (!segment.equals(actual[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.split("/", -1);
  }
}
