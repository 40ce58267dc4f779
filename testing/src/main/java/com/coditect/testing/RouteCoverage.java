package com.coditect.testing;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Role;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks that keep a function's three route lists the same: template.yaml's routes for its
 * handler, the handler's router and the OpenAPI document.
 */
public final class RouteCoverage {

  /** A config that builds a handler without reaching anything (nothing listens on port 9). */
  public static final AppConfig OFFLINE = new AppConfig("us-east-1", "unused", "", "unused", "k",
      Optional.of(URI.create("http://127.0.0.1:9")));
  /** Stripe settings for building a handler that never calls Stripe (route tables only). */
  public static final StripeConfig OFFLINE_STRIPE = new StripeConfig("unused", "unused",
      Optional.of(URI.create("http://127.0.0.1:9")));

  /** Token settings for building a handler that never verifies a token (route tables only). */
  public static final TokenConfig OFFLINE_TOKENS = new TokenConfig("https://unused.invalid", "unused",
      URI.create("http://127.0.0.1:9/jwks.json"));

  private RouteCoverage() {}

  /** The route keys template.yaml gives the handler class, sorted. */
  public static Set<String> templateRoutes(String handlerClass) {
    return CloudTemplate.load().routesOf(handlerClass).stream().map(TemplateRoute::routeKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Fails unless the handler's router serves exactly the template's routes for it. */
  public static void assertHandlerServesTemplateRoutes(String handlerClass, Collection<String> routerKeys) {
    Set<String> template = templateRoutes(handlerClass);
    Set<String> served = new TreeSet<>(routerKeys);
    if (!template.equals(served)) {
      throw new AssertionError("template.yaml routes " + template + " but the handler serves " + served);
    }
  }

  /** Fails unless docs/openapi.json documents every template route of the handler. */
  public static void assertOpenApiDocumentsTemplateRoutes(String handlerClass) {
    Set<String> missing = templateRoutes(handlerClass);
    missing.removeAll(OpenApiContract.load().routeKeys());
    if (!missing.isEmpty()) {
      throw new AssertionError("routes missing from docs/openapi.json: " + missing);
    }
  }

  /**
   * Prints the function's route x role table, read from its router (the one place routes declare
   * who may call them), and fails unless every route's roles are the {@code x-roles} the OpenAPI
   * document gives its operation.
   */
  public static void assertRolesMatchOpenApi(Router router) {
    List<String> columns = new ArrayList<>(Role.NAMES);
    columns.add(Access.PLATFORM_ADMIN);
    StringBuilder table = new StringBuilder(String.format("%-55s", "route"));
    columns.forEach(column -> table.append(String.format(" %-14s", column)));
    Map<String, List<String>> documented = OpenApiContract.load().roles();
    List<String> mismatches = new ArrayList<>();
    for (String routeKey : new TreeSet<>(router.routeKeys())) {
      Optional<Access> access = router.access(routeKey);
      table.append('\n').append(String.format("%-55s", routeKey));
      List<String> allowed = access.map(Access::names).orElse(List.of());
      columns.forEach(column -> table.append(String.format(" %-14s", allowed.contains(column) ? "yes" : "-")));
      if (access.isEmpty()) {
        table.append("  (public)");
        if (documented.containsKey(routeKey)) {
          mismatches.add(routeKey + ": public, but the document lists " + documented.get(routeKey));
        }
      } else if (!allowed.equals(documented.get(routeKey))) {
        mismatches.add(routeKey + ": the route table allows " + allowed + ", the document lists "
            + documented.get(routeKey));
      }
    }
    System.out.println(table);
    if (!mismatches.isEmpty()) {
      throw new AssertionError("route x role table and docs/openapi.json x-roles differ:\n  "
          + String.join("\n  ", mismatches));
    }
  }

  /** The handler's routes that template.yaml leaves without the authorizer. */
  public static Set<String> publicRoutes(String handlerClass) {
    return CloudTemplate.load().routesOf(handlerClass).stream().filter(TemplateRoute::isPublic)
        .map(TemplateRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));
  }
}
