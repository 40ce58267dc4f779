package com.coditect.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.Json;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Sends HTTP API events to one in-process handler, whose DynamoDB client {@code counter} and
 * {@code meter} watch, and keeps the calls and write units of each measured request: what the
 * tenancy, PM and audit route plans share.
 */
final class RouteCalls {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
  private final DynamoDbCallCounter counter;
  private final WriteUnitMeter meter;
  private final List<RouteCount> counts = new ArrayList<>();

  RouteCalls(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, DynamoDbCallCounter counter,
      WriteUnitMeter meter) {
    this.handler = handler;
    this.counter = counter;
    this.meter = meter;
  }

  /** Sends one request, which must succeed (2xx or a redirect), and records its DynamoDB calls and write units. */
  Reply measure(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    counter.reset();
    meter.reset();
    APIGatewayV2HTTPResponse response = send(routeKey, shape);
    counts.add(new RouteCount(routeKey, counter.operations(), meter.units()));
    return reply(routeKey, response);
  }

  /**
   * Sends one request, which must succeed, and returns the write units it cost without recording a
   * row: a second figure for a route that already has one.
   */
  long writeUnits(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    meter.reset();
    reply(routeKey, send(routeKey, shape));
    return meter.units();
  }

  /**
   * Sends one request, which must succeed, without recording it: data that a measured request
   * needs, so that each route keeps exactly one row in the table.
   */
  Reply prepare(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return reply(routeKey, send(routeKey, shape));
  }

  /** The measured requests since the last {@link #clear()}, in the order sent. */
  List<RouteCount> counts() {
    return List.copyOf(counts);
  }

  void clear() {
    counts.clear();
  }

  private APIGatewayV2HTTPResponse send(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    APIGatewayV2HTTPEvent event = shape.apply(HttpEvents.route(routeKey)).build();
    return handler.handleRequest(event, null);
  }

  private static Reply reply(String routeKey, APIGatewayV2HTTPResponse response) {
    // 2xx, or a redirect (a download route's 302 to its presigned URL).
    if (response.getStatusCode() / 100 != 2 && response.getStatusCode() / 100 != 3) {
      throw new IllegalStateException(routeKey + " answered " + response.getStatusCode() + ": " + response.getBody());
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getHeaders() != null) {
      headers.putAll(response.getHeaders());
    }
    // The public share page answers HTML: its body is not what a plan reads.
    String type = headers.getOrDefault("Content-Type", "application/json");
    return new Reply(headers, type.contains("json") ? json(response.getBody()) : MAPPER.nullNode());
  }

  private static JsonNode json(String body) {
    if (body == null || body.isEmpty()) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("response body is not JSON: " + body, e);
    }
  }
}
