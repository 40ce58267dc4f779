package com.coditect.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends HTTP API events to a function's handler as the gateway would, checks every response
 * against the OpenAPI document and records the DynamoDB calls each request made.
 */
public final class ContractClient {

  /** The functions' own mapper settings, so numbers parse as the functions write them. */
  private static final ObjectMapper MAPPER = Json.newMapper();

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
  private final DynamoDbCallCounter calls;
  private final OpenApiContract contract = OpenApiContract.load();

  /** @param calls the counter on the handler's DynamoDB client */
  public ContractClient(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      DynamoDbCallCounter calls) {
    this.handler = handler;
    this.calls = calls;
  }

  /** Sends one request; the response must match the OpenAPI document. */
  public HandlerResponse call(APIGatewayV2HTTPEvent event) {
    calls.reset();
    APIGatewayV2HTTPResponse raw = handler.handleRequest(event, null);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (raw.getHeaders() != null) {
      headers.putAll(raw.getHeaders());
    }
    contract.assertResponse(event.getRouteKey(), raw.getStatusCode(), headers, raw.getBody());
    JsonNode json;
    // A body of another type (an SVG, Mermaid text) was checked against the document above; the
    // test reads it as text (raw).
    String contentType = headers.getOrDefault("Content-Type", "");
    boolean textual = !contentType.isEmpty() && !contentType.toLowerCase(Locale.ROOT).contains("json");
    try {
      json = raw.getBody() == null || raw.getBody().isEmpty() || textual ? null : MAPPER.readTree(raw.getBody());
    } catch (IOException e) {
      throw new AssertionError("response body is not JSON: " + raw.getBody(), e);
    }
    return new HandlerResponse(raw.getStatusCode(), headers, json, raw.getBody(), calls.operations());
  }
}
