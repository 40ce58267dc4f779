package com.coditect.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.PageRequest;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read-only view of an API Gateway HTTP API (payload v2) request. */
public final class ApiRequest {

  /** {@code *}, {@code "3"}, {@code W/"3"} or {@code 3}, with the optional white space HTTP allows around it. */
  /** A version as this API writes it in an ETag: digits, at most 18 (a long). */
  private static final Pattern BARE_VERSION = Pattern.compile("[0-9]{1,18}");
  /** One entity-tag of a list (RFC 9110 section 8.8.3), with the comma or end that follows it. */
  private static final Pattern ENTITY_TAG =
      Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E]*)\"[ \t]*(?:,[ \t]*|$)");

  /** What {@link #ifMatchVersion} returns for entity-tags that name no version: no resource has it. */
  public static final long NO_VERSION = -1;

  private final APIGatewayV2HTTPEvent event;
  private final Map<String, String> headers;

  public ApiRequest(APIGatewayV2HTTPEvent event) {
    this.event = event;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getHeaders() != null) {
      headers.putAll(event.getHeaders());
    }
  }

  /** The route key exactly as declared in template.yaml, e.g. {@code GET /v1/users/{user_id}}. */
  public String routeKey() {
    return event.getRouteKey();
  }

  public String requestId() {
    var context = event.getRequestContext();
    if (context != null && context.getRequestId() != null) {
      return context.getRequestId();
    }
    return "local-" + UUID.randomUUID();
  }

  public String method() {
    var context = event.getRequestContext();
    return context != null && context.getHttp() != null ? context.getHttp().getMethod() : "";
  }

  public String path() {
    return event.getRawPath() == null ? "" : event.getRawPath();
  }

  public String sourceIp() {
    var context = event.getRequestContext();
    return context != null && context.getHttp() != null ? context.getHttp().getSourceIp() : null;
  }

  public String userAgent() {
    var context = event.getRequestContext();
    return context != null && context.getHttp() != null ? context.getHttp().getUserAgent() : header("User-Agent").orElse(null);
  }

  /** The JWT claims the authorizer verified; empty on public routes. */
  public Map<String, String> verifiedClaims() {
    var context = event.getRequestContext();
    if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
      return Map.of();
    }
    Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
    return claims == null ? Map.of() : claims;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A path parameter of the route; the gateway always supplies the ones the route declares. */
  public String pathParameter(String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null || value.isEmpty()) {
      throw BadRequestException.forField(name, "is required in the path");
    }
    return value;
  }

  /** A path parameter that must be a UUID (ids are); anything else is a 400 naming it. */
  public String uuidPathParameter(String name) {
    return uuid(name, pathParameter(name));
  }

  /** An optional query parameter that must be a UUID when present; else a 400 naming it. */
  public Optional<String> uuidQueryParameter(String name) {
    return queryParameter(name).map(value -> uuid(name, value));
  }

  private static String uuid(String name, String value) {
    try {
      UUID parsed = UUID.fromString(value);
      if (parsed.toString().equalsIgnoreCase(value)) {
        return value.toLowerCase(Locale.ROOT);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw BadRequestException.forField(name, "must be a UUID");
  }

  /** A query parameter restricted to a choice list; another value is a 400 naming it. */
  public Optional<String> choiceQueryParameter(String name, List<String> choices) {
    Optional<String> value = queryParameter(name);
    if (value.isPresent() && !choices.contains(value.get())) {
      throw BadRequestException.forField(name, "must be one of: " + String.join(", ", choices));
    }
    return value;
  }

  /** As {@link #choiceQueryParameter(String, List)}, parsed into the choice list's enum. */
  public <E extends Enum<E> & Choice> Optional<E> choiceQueryParameter(String name, Class<E> type) {
    return choiceQueryParameter(name, Choice.apiNames(type)).flatMap(value -> Choice.fromApiName(type, value));
  }

  /** {@code ?limit=} and {@code ?cursor=} of a list request, with the platform's default bounds. */
  public PageRequest page() {
    return PageRequest.of(queryParameter("limit"), queryParameter("cursor"));
  }

  public Optional<String> queryParameter(String name) {
    Map<String, String> params = event.getQueryStringParameters();
    return Optional.ofNullable(params == null ? null : params.get(name));
  }

  /** The raw body text (decoded when the gateway base64-encoded it), or empty. */
  public String bodyText() {
    String body = event.getBody();
    if (body == null) {
      return "";
    }
    if (event.getIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  /** The body parsed as JSON; malformed JSON is a 400 naming the body. */
  public JsonNode jsonBody() {
    String text = bodyText();
    if (text.isBlank()) {
      throw BadRequestException.forField("body", "is required and must be a JSON object");
    }
    try {
      return JsonText.parse(text);
    } catch (JsonProcessingException e) {
      // A parser limit (nesting depth, number or string length) reports no location.
      JsonLocation at = e.getLocation();
      throw BadRequestException.forField("body", at == null ? "is not valid JSON or exceeds the parser's limits"
          : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
  }

  /**
   * The version an {@code If-Match} header names, if sent: {@code "3"}, {@code W/"3"} or a bare
   * {@code 3}. {@code *} matches any current version, so it names none (empty). Any other
   * well-formed entity-tag (RFC 9110), {@code "stale-etag"} say, or a list of them, names no version
   * this API issued: it is {@link #NO_VERSION}, which no resource has, so the write answers 412 as
   * the RFC asks. A list naming two of our versions, or anything that is no entity-tag, is a 400.
   * The OpenAPI document's {@code IfMatch} pattern is this same grammar.
   */
  public Optional<Long> ifMatchVersion() {
    Optional<String> raw = header("If-Match");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String value = raw.get().strip();
    if (value.equals("*")) {
      return Optional.empty();
    }
    if (BARE_VERSION.matcher(value).matches()) {
      return Optional.of(Long.parseLong(value));
    }
    Set<Long> versions = new HashSet<>();
    Matcher tag = ENTITY_TAG.matcher(value);
    int end = 0;
    while (end < value.length() && tag.find(end) && tag.start() == end) {
      String opaque = tag.group(1);
      if (BARE_VERSION.matcher(opaque).matches()) {
        versions.add(Long.parseLong(opaque));
      }
      end = tag.end();
    }
    if (end != value.length() || value.isEmpty() || value.endsWith(",")) {
      throw BadRequestException.forField("If-Match", "must be an entity-tag (an ETag returned by this API), or *");
    }
    if (versions.size() > 1) {
      throw BadRequestException.forField("If-Match", "must name one version of the resource");
    }
    return Optional.of(versions.isEmpty() ? NO_VERSION : versions.iterator().next());
  }

  public String methodAndPath() {
    return method().toUpperCase(Locale.ROOT) + " " + path();
  }
}
