package com.coditect.shared.http;

import com.coditect.shared.tenancy.Access;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes by API Gateway {@code routeKey}, written exactly as in template.yaml, so a mismatch
 * between the template and the code shows up as a route nobody serves (tests check both ways).
 * Every authenticated route declares who may call it ({@link Access}): the router is the
 * function's one route x role table, and the dispatcher checks it before the route runs.
 */
public final class Router {

  private final Map<String, Route> routes;
  private final Map<String, Access> access;
  private final Map<String, PublicRoute> publicRoutes;

  private Router(Map<String, Route> routes, Map<String, Access> access, Map<String, PublicRoute> publicRoutes) {
    this.routes = Map.copyOf(routes);
    this.access = Map.copyOf(access);
    this.publicRoutes = Map.copyOf(publicRoutes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The routes of every group. */
  public static Router of(List<? extends RouteGroup> groups) {
    Builder routes = builder();
    groups.forEach(group -> group.addTo(routes));
    return routes.build();
  }

  public Optional<Route> route(String routeKey) {
    return Optional.ofNullable(routes.get(routeKey));
  }

  /** Who may call an authenticated route; empty for a public or unknown route. */
  public Optional<Access> access(String routeKey) {
    return Optional.ofNullable(access.get(routeKey));
  }

  public Optional<PublicRoute> publicRoute(String routeKey) {
    return Optional.ofNullable(publicRoutes.get(routeKey));
  }

  /** Every route key this router serves, authenticated and public. */
  public Set<String> routeKeys() {
    Map<String, Object> all = new HashMap<>(routes);
    all.putAll(publicRoutes);
    return Set.copyOf(all.keySet());
  }

  /** Collects routes; a route key registered twice is a programming error. */
  public static final class Builder {
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, Access> access = new HashMap<>();
    private final Map<String, PublicRoute> publicRoutes = new HashMap<>();

    /** An authenticated route that {@code access} may call. */
    public Builder route(String routeKey, Access access, Route route) {
      check(routeKey);
      routes.put(routeKey, route);
      this.access.put(routeKey, access);
      return this;
    }

    public Builder publicRoute(String routeKey, PublicRoute route) {
      check(routeKey);
      publicRoutes.put(routeKey, route);
      return this;
    }

    public Router build() {
      return new Router(routes, access, publicRoutes);
    }

    private void check(String routeKey) {
      if (routes.containsKey(routeKey) || publicRoutes.containsKey(routeKey)) {
        throw new IllegalStateException("route registered twice: " + routeKey);
      }
    }
  }
}
