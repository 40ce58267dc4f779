package com.coditect.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * API Gateway HTTP API (payload 2.0) events for handler tests: fixtures from
 * {@code src/test/resources/events/} and a builder shaped like what the gateway sends, header
 * names lower-cased as the gateway does.
 */
public final class HttpEvents {

  public static final String SOURCE_IP = "203.0.113.10";
  public static final String USER_AGENT = "coditect-tests";

  // The event classes use the gateway's camelCase names, so the platform's snake_case mapper
  // (Json.newMapper) would not fit; real events also carry fields the POJOs lack.
  private static final ObjectMapper EVENT_MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String API_ID = "coditestapi";

  private HttpEvents() {}

  /** Loads {@code events/<name>.json} from the test classpath. */
  public static APIGatewayV2HTTPEvent fixture(String name) {
    String resource = "events/" + (name.endsWith(".json") ? name : name + ".json");
    ClassLoader loader = Objects.requireNonNullElse(
        Thread.currentThread().getContextClassLoader(), HttpEvents.class.getClassLoader());
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + resource);
      }
      return EVENT_MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event fixture " + resource, e);
    }
  }

  /** Starts an event for a route key exactly as in the template, e.g. {@code GET /v1/users/{user_id}}. */
  public static Builder route(String routeKey) {
    return new Builder(routeKey);
  }

  /** Claims of a tenant user as the Cognito JWT authorizer passes them (all values are strings). */
  public static Map<String, String> claims(String userId, String tenantId, String role) {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("sub", userId);
    claims.put("custom:tenant_id", tenantId);
    claims.put("custom:role", role);
    claims.put("custom:platform_admin", "false");
    return Map.copyOf(claims);
  }

  /** Claims of a platform operator: admin flag set, no tenant or role of their own. */
  public static Map<String, String> platformAdminClaims(String userId) {
    return Map.of("sub", userId, "custom:platform_admin", "true");
  }

  /** Builds one event; unset parts get the values a real gateway would send. */
  public static final class Builder {

    private final String routeKey;
    private final String method;
    private final String pathTemplate;
    private String path;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private Map<String, String> claims;
    private String sourceIp = SOURCE_IP;
    private String userAgent = USER_AGENT;

    private Builder(String routeKey) {
      int space = routeKey.indexOf(' ');
      if (space < 1 || !routeKey.substring(space + 1).startsWith("/")) {
        throw new IllegalArgumentException("route key must look like 'GET /v1/path', got: " + routeKey);
      }
      this.routeKey = routeKey;
      this.method = routeKey.substring(0, space);
      this.pathTemplate = routeKey.substring(space + 1);
    }

    /** The request path; by default the route's path with the path parameters filled in. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder pathParam(String name, String value) {
      pathParameters.put(name, value);
      return this;
    }

    /** Adds a query parameter; repeating a name joins the values with commas, as the gateway does. */
    public Builder query(String name, String value) {
      query.add(Map.entry(name, value));
      return this;
    }

    /** Adds a header; the name is lower-cased, as HTTP APIs deliver them. */
    public Builder header(String name, String value) {
      headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
      return this;
    }

    /** A JSON body; also sets {@code content-type: application/json} unless a header says otherwise. */
    public Builder body(String json) {
      this.body = json;
      return this;
    }

    /** The verified JWT claims; without them the event has no authorizer block (a public route). */
    public Builder claims(Map<String, String> claims) {
      this.claims = Map.copyOf(claims);
      return this;
    }

    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public APIGatewayV2HTTPEvent build() {
      Map<String, String> parameters = new LinkedHashMap<>(pathParameters);
      String rawPath = path != null ? path : fillTemplate();
      if (path != null) {
        parametersFromPath(rawPath).forEach(parameters::putIfAbsent);
      }
      Instant now = Instant.now();

      RequestContext context = new RequestContext();
      context.setAccountId("123456789012");
      context.setApiId(API_ID);
      context.setDomainName(API_ID + ".execute-api.us-east-1.amazonaws.com");
      context.setDomainPrefix(API_ID);
      context.setRequestId(requestId());
      context.setRouteKey(routeKey);
      context.setStage("$default");
      context.setTime(REQUEST_TIME.format(now));
      context.setTimeEpoch(now.toEpochMilli());
      RequestContext.Http http = new RequestContext.Http();
      http.setMethod(method);
      http.setPath(rawPath);
      http.setProtocol("HTTP/1.1");
      http.setSourceIp(sourceIp);
      http.setUserAgent(userAgent);
      context.setHttp(http);
      if (claims != null) {
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        context.setAuthorizer(authorizer);
      }

      APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
      event.setVersion("2.0");
      event.setRouteKey(routeKey);
      event.setRawPath(rawPath);
      event.setRawQueryString(rawQueryString());
      event.setQueryStringParameters(queryParameters());
      event.setPathParameters(parameters.isEmpty() ? null : parameters);
      event.setHeaders(gatewayHeaders());
      event.setBody(body);
      event.setIsBase64Encoded(false);
      event.setRequestContext(context);
      return event;
    }

    private String fillTemplate() {
      StringBuilder filled = new StringBuilder();
      for (String segment : pathTemplate.substring(1).split("/", -1)) {
        filled.append('/');
        if (isParameter(segment)) {
          String name = parameterName(segment);
          String value = pathParameters.get(name);
          if (value == null) {
            throw new IllegalStateException("route " + routeKey + " needs path parameter " + name
                + ": call pathParam(\"" + name + "\", ...) or path(...)");
          }
          filled.append(value);
        } else {
          filled.append(segment);
        }
      }
      return filled.toString();
    }

    /** What the gateway would extract from the path; nothing when it does not fit the template. */
    private Map<String, String> parametersFromPath(String rawPath) {
      String[] template = pathTemplate.substring(1).split("/", -1);
      String[] actual = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
      Map<String, String> found = new LinkedHashMap<>();
      for (int i = 0; i < template.length && i < actual.length; i++) {
        if (isParameter(template[i]) && template[i].endsWith("+}")) {
          // A greedy {name+} takes the rest of the path.
          found.put(parameterName(template[i]), String.join("/", List.of(actual).subList(i, actual.length)));
          return found;
        }
        if (isParameter(template[i])) {
          found.put(parameterName(template[i]), actual[i]);
        } else if (!template[i].equals(actual[i])) {
          return Map.of();
        }
      }
      return template.length == actual.length ? found : Map.of();
    }

    private String rawQueryString() {
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<String, String> pair : query) {
        pairs.add(encode(pair.getKey()) + "=" + encode(pair.getValue()));
      }
      return String.join("&", pairs);
    }

    private Map<String, String> queryParameters() {
      if (query.isEmpty()) {
        return null;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      query.forEach(pair -> parameters.merge(pair.getKey(), pair.getValue(), (a, b) -> a + "," + b));
      return parameters;
    }

    private Map<String, String> gatewayHeaders() {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("accept", "application/json");
      all.put("host", API_ID + ".execute-api.us-east-1.amazonaws.com");
      all.put("user-agent", userAgent);
      all.put("x-forwarded-for", sourceIp);
      all.put("x-forwarded-port", "443");
      all.put("x-forwarded-proto", "https");
      if (body != null) {
        all.put("content-type", "application/json");
        all.put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
      }
      all.putAll(headers);
      return all;
    }

    private static boolean isParameter(String segment) {
      return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String parameterName(String segment) {
      String name = segment.substring(1, segment.length() - 1);
      return name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Shaped like the gateway's ids (base64 of 11 bytes). */
    private static String requestId() {
      byte[] bytes = new byte[11];
      RANDOM.nextBytes(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
  }
}
