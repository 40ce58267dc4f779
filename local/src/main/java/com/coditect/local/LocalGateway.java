package com.coditect.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.events.OutboxRedrive;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.Role;
import com.coditect.testing.TemplateRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for API Gateway's HTTP API: serves exactly the routes of template.yaml on
 * 127.0.0.1, verifies dev JWTs as the JWT authorizer would (public routes skip it), and invokes the
 * route's handler with a payload-v2 event. Answers of its own (no route, no token) have API
 * Gateway's shape: {@code {"message": "Not Found"}} and {@code {"message": "Unauthorized"}}.
 * Also serves the local-only {@code POST /local/token}, {@code POST /local/schedules/{rule}},
 * {@code POST /local/outbox/redrive}, {@code GET /local/messages} ({@link LocalMessages}) and the API reference at {@code GET /docs} ({@link DocsPage}).
 */
final class LocalGateway implements AutoCloseable {

  private static final Log LOG = Log.forClass(LocalGateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where the dev issuer's public key is served, for the functions that verify a token themselves. */
  static final String JWKS_PATH = "/local/jwks.json";
  private static final Pattern SCHEDULE_PATH = Pattern.compile("^/local/schedules/([^/]+)$");
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final RouteTable routes;
  private final DevTokens tokens;
  private final SignInTrigger signIns;
  private final FunctionRegistry functions;
  private final Schedules schedules;
  private final Supplier<OutboxRedrive.Result> redrive;
  private final LocalMessages messages;
  private final DocsPage docs = DocsPage.fromClasspath();

  LocalGateway(int port, RouteTable routes, DevTokens tokens, SignInTrigger signIns, FunctionRegistry functions,
      Schedules schedules, Supplier<OutboxRedrive.Result> redrive, LocalMessages messages) throws IOException {
    this.routes = routes;
    this.tokens = tokens;
    this.signIns = signIns;
    this.functions = functions;
    this.schedules = schedules;
    this.redrive = redrive;
    this.messages = messages;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
  }

  void start() {
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    // HttpServer.stop leaves a caller-supplied executor running: its threads would outlive close().
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (method.equals("OPTIONS")) {
        respond(exchange, 204, Map.of(), new byte[0]);
        return;
      }
      if (path.equals(JWKS_PATH) && method.equals("GET")) {
        respond(exchange, 200, Map.of("Content-Type", "application/json"), tokens.jwks().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/local/token")) {
        localToken(exchange, method, body);
        return;
      }
      if (path.equals("/local/outbox/redrive")) {
        redriveParkedEvents(exchange, method);
        return;
      }
      if (path.equals("/local/messages")) {
        sentMessages(exchange, method);
        return;
      }
      if (DocsPage.serves(path)) {
        docs(exchange, method, path);
        return;
      }
      Matcher schedule = SCHEDULE_PATH.matcher(path);
      if (schedule.matches()) {
        fireSchedule(exchange, method, URLDecoder.decode(schedule.group(1), StandardCharsets.UTF_8));
        return;
      }
      Optional<RouteTable.Match> match = routes.match(method, path);
      if (match.isEmpty()) {
        message(exchange, 404, "Not Found");
        return;
      }
      TemplateRoute route = match.get().route();
      Map<String, String> claims = null;
      if (!route.isPublic()) {
        Optional<Map<String, String>> verified = tokens.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        if (verified.isEmpty()) {
          message(exchange, 401, "Unauthorized");
          return;
        }
        claims = verified.get();
      }
      APIGatewayV2HTTPEvent event = event(exchange, match.get(), claims, body);
      APIGatewayV2HTTPResponse response;
      try {
        response = (APIGatewayV2HTTPResponse) functions.invoke(route.handler(), event,
            event.getRequestContext().getRequestId());
      } catch (RuntimeException e) {
        LOG.error("handler failed", e, "route", route.routeKey());
        message(exchange, 500, "Internal Server Error");
        return;
      }
      byte[] out = response.getBody() == null ? new byte[0]
          : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
          : response.getBody().getBytes(StandardCharsets.UTF_8);
      respond(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(), out);
    } catch (RuntimeException e) {
      LOG.error("gateway failed", e);
    }
  }

  /**
   * {@code POST /local/token {tenant_id, user_id, role, platform_admin?}} -> {@code {token}}, after
   * the user pool's sign-in trigger (a tenant user's sign-in is audited as {@code user.login}).
   */
  private void localToken(HttpExchange exchange, String method, byte[] body) throws IOException {
    if (!method.equals("POST")) {
      message(exchange, 405, "Method Not Allowed");
      return;
    }
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      problem(exchange, "body", "is not valid JSON");
      return;
    }
    boolean platformAdmin = request.path("platform_admin").asBoolean(false);
    String userId = request.path("user_id").asText("");
    String tenantId = request.path("tenant_id").asText("");
    String role = request.path("role").asText("");
    tenantId = tenantId.isBlank() ? null : tenantId;
    role = role.isBlank() ? null : role;
    if (userId.isBlank()) {
      problem(exchange, "user_id", "is required");
      return;
    }
    if (!platformAdmin && (tenantId == null || role == null)) {
      problem(exchange, tenantId == null ? "tenant_id" : "role", "is required unless platform_admin is true");
      return;
    }
    // Every platform user id is a UUID; any other id would reach keys and audit entries as is.
    if (!isUuid(userId)) {
      problem(exchange, "user_id", "must be a user id (a UUID)");
      return;
    }
    // A token the functions would refuse (401 on every route) is a 400 here, naming the field.
    if (tenantId != null && !isUuid(tenantId)) {
      problem(exchange, "tenant_id", "must be a tenant id (a UUID)");
      return;
    }
    if (role != null && Role.fromApiName(role).isEmpty()) {
      problem(exchange, "role", "must be one of " + String.join(", ", Role.NAMES));
      return;
    }
    // Minting a token is the local sign-in: Cognito's post-authentication trigger runs first, and
    // its failure refuses the sign-in there, so no token here either.
    try {
      signIns.signedIn(userId, tenantId, role, platformAdmin);
    } catch (RuntimeException e) {
      LOG.error("sign-in trigger failed", e);
      message(exchange, 500, "Internal Server Error");
      return;
    }
    String token = tokens.issue(userId, tenantId, role, platformAdmin);
    respond(exchange, 200, Map.of("Content-Type", "application/json"),
        JSON.writeValueAsBytes(Map.of("token", token)));
  }

  private static boolean isUuid(String value) {
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code GET /docs}: the API reference page and its files (local only: not in template.yaml). */
  private void docs(HttpExchange exchange, String method, String path) throws IOException {
    if (!method.equals("GET")) {
      message(exchange, 405, "Method Not Allowed");
      return;
    }
    if (path.equals(DocsPage.PATH)) {
      // The page names its files relative to itself, so it must be loaded from /docs/.
      respond(exchange, 308, Map.of("Location", DocsPage.PATH + "/"), new byte[0]);
      return;
    }
    Optional<DocsPage.Asset> asset = docs.asset(path);
    if (asset.isEmpty()) {
      message(exchange, 404, "Not Found");
      return;
    }
    respond(exchange, 200, Map.of("Content-Type", asset.get().contentType()), asset.get().body());
  }

  /** {@code GET /local/messages} -> {@code {"items": [{"channel", "to", "body", "sent_at"}]}}, newest first. */
  private void sentMessages(HttpExchange exchange, String method) throws IOException {
    if (!method.equals("GET")) {
      message(exchange, 405, "Method Not Allowed");
      return;
    }
    List<LocalMessages.Message> newestFirst;
    try {
      newestFirst = messages.newestFirst();
    } catch (RuntimeException e) {
      // The e-mails and SMS are read from moto on each call; without them the list would be wrong.
      LOG.error("reading the sent messages failed", e);
      message(exchange, 502, "Bad Gateway");
      return;
    }
    List<Map<String, String>> items = newestFirst.stream().map(sent -> {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("channel", sent.channel());
      item.put("to", sent.to());
      item.put("body", sent.body());
      item.put("sent_at", sent.sentAt());
      return item;
    }).toList();
    respond(exchange, 200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("items", items)));
  }

  private void fireSchedule(HttpExchange exchange, String method, String ruleName) throws IOException {
    if (!method.equals("POST")) {
      message(exchange, 405, "Method Not Allowed");
      return;
    }
    if (!schedules.fireNow(ruleName)) {
      message(exchange, 404, "No scheduled rule " + ruleName + " in template.yaml");
      return;
    }
    respond(exchange, 202, Map.of("Content-Type", "application/json"),
        JSON.writeValueAsBytes(Map.of("fired", ruleName)));
  }

  /**
   * {@code POST /local/outbox/redrive} -> {@code {redriven, still_parked, still_parked_event_ids, more}}:
   * what {@code scripts/redrive-events.sh} does on AWS (OutboxRedriveFunction), on the local bus.
   */
  private void redriveParkedEvents(HttpExchange exchange, String method) throws IOException {
    if (!method.equals("POST")) {
      message(exchange, 405, "Method Not Allowed");
      return;
    }
    OutboxRedrive.Result result;
    try {
      result = redrive.get();
    } catch (RuntimeException e) {
      LOG.error("redrive failed", e);
      message(exchange, 500, "Internal Server Error");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("redriven", result.redriven().size());
    body.put("still_parked", result.stillParked().size());
    body.put("still_parked_event_ids", result.stillParked().stream().map(OutboxRecord::eventId).toList());
    body.put("more", result.more());
    respond(exchange, 200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
  }

  private static APIGatewayV2HTTPEvent event(HttpExchange exchange, RouteTable.Match match, Map<String, String> claims,
      byte[] body) {
    TemplateRoute route = match.route();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String rawQuery = exchange.getRequestURI().getRawQuery();

    RequestContext.Http http = new RequestContext.Http();
    http.setMethod(route.method());
    http.setPath(exchange.getRequestURI().getRawPath());
    http.setProtocol(exchange.getProtocol());
    http.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
    http.setUserAgent(headers.getOrDefault("user-agent", ""));
    RequestContext context = new RequestContext();
    context.setRequestId(UUID.randomUUID().toString());
    context.setRouteKey(route.routeKey());
    context.setStage("$default");
    context.setAccountId("000000000000");
    context.setApiId("local");
    context.setDomainName("127.0.0.1");
    context.setHttp(http);
    Instant now = Instant.now();
    context.setTimeEpoch(now.toEpochMilli());
    context.setTime(REQUEST_TIME.format(now));
    if (claims != null) {
      RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
      jwt.setClaims(claims);
      RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    }

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(route.routeKey());
    event.setRawPath(exchange.getRequestURI().getRawPath());
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setHeaders(headers);
    event.setQueryStringParameters(query(rawQuery));
    event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
    event.setRequestContext(context);
    if (body.length > 0) {
      // HTTP API base64-encodes bodies it does not consider text.
      String type = headers.getOrDefault("content-type", "");
      boolean text = type.isEmpty() || type.contains("json") || type.startsWith("text/") || type.contains("xml")
          || type.contains("x-www-form-urlencoded");
      event.setIsBase64Encoded(!text);
      event.setBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
    }
    return event;
  }

  /** Query parameters as HTTP API gives them: decoded, repeated names joined with commas. */
  private static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  private static void message(HttpExchange exchange, int status, String message) throws IOException {
    respond(exchange, status, Map.of("Content-Type", "application/json"),
        JSON.writeValueAsBytes(Map.of("message", message)));
  }

  private static void problem(HttpExchange exchange, String field, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://docs.coditect.dev/problems/bad-request");
    body.put("title", "Bad request");
    body.put("status", 400);
    body.put("detail", field + " " + message);
    body.put("request_id", "local-" + UUID.randomUUID());
    body.put("errors", List.of(Map.of("field", field, "message", message)));
    respond(exchange, 400, Map.of("Content-Type", "application/problem+json"), JSON.writeValueAsBytes(body));
  }

  private static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    // The template's CORS configuration allows any origin by default; so does the local gateway.
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    exchange.getResponseHeaders().set("Access-Control-Allow-Headers",
        "Authorization, Content-Type, If-Match, Idempotency-Key");
    exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
    exchange.getResponseHeaders().set("Access-Control-Expose-Headers",
        "ETag, Location, X-Request-Id, Idempotent-Replayed, Retry-After");
    boolean empty = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
