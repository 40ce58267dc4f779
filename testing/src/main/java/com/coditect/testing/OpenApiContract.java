package com.coditect.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * Checks handler responses against {@code docs/openapi.json}: the status must be documented for
 * the route, and the Content-Type and body must match the documented response.
 */
public final class OpenApiContract {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static volatile OpenApiContract projectContract;

  private final JsonNode document;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
          // The validator's own email check wants an IANA top-level domain, so it rejects the
          // reserved test domains (acme.example, x.test) the product rightly accepts; this is the
          // product's own rule (JsonFields).
          .format(PatternFormat.of("email", JsonFields.EMAIL.pattern(), "an email address"))
          .build()));
  // Formats (uuid, date-time, email) are only annotations in 2020-12 by default; a contract test
  // should hold the API to them.
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
  }

  /** The project's document, read once per JVM. */
  public static OpenApiContract load() {
    OpenApiContract contract = projectContract;
    if (contract == null) {
      contract = load(ProjectFiles.openApi());
      projectContract = contract;
    }
    return contract;
  }

  public static OpenApiContract load(Path file) {
    try {
      return new OpenApiContract(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Who may call each documented operation, by route key: its {@code x-roles} (tenant roles, or
   * {@code platform_admin}); an operation without the extension (a public one) is left out.
   */
  public Map<String, List<String>> roles() {
    Map<String, List<String>> roles = new TreeMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        JsonNode names = operation.getValue().path("x-roles");
        if (names.isArray()) {
          List<String> list = new ArrayList<>();
          names.forEach(name -> list.add(name.asText()));
          roles.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), list);
        }
      }
    }
    return roles;
  }

  /** Every operation as {@code METHOD /path/{param}}, the form of HTTP API route keys. */
  public Set<String> routeKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(method -> {
        if (METHODS.contains(method)) {
          keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      });
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * What is missing or wrong in the document's examples (scripts/examples.py writes them): every
   * operation shows its path parameters, its request body when it takes one, and its success
   * response (the body, or {@code Location} for a redirect), and every example fits its schema.
   * Empty when all is well.
   */
  public List<String> exampleProblems() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        String what = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        JsonNode operation = entry.getValue();
        List<JsonNode> parameters = new ArrayList<>();
        path.getValue().path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        for (JsonNode parameter : parameters) {
          String name = what + " parameter " + parameter.path("name").asText();
          if (parameter.has("example")) {
            checkExample(name, parameter.path("schema"), parameter.get("example"), problems);
          } else if ("path".equals(parameter.path("in").asText())) {
            problems.add(name + ": no example");
          }
        }
        if (operation.has("requestBody")) {
          checkMediaExamples(what + " request", resolve(operation.get("requestBody")).path("content"), problems);
        }
        JsonNode success = successResponse(operation.path("responses"));
        if (success == null) {
          problems.add(what + ": no success response");
          continue;
        }
        JsonNode response = resolve(success);
        JsonNode location = resolve(response.path("headers").path("Location"));
        if (!response.path("content").isEmpty()) {
          checkMediaExamples(what + " response", response.path("content"), problems);
        } else if (location.path("required").asBoolean(false)) {
          if (location.has("example")) {
            checkExample(what + " Location", location.path("schema"), location.get("example"), problems);
          } else {
            problems.add(what + " Location: no example");
          }
        }
      }
    }
    return problems;
  }

  /** The first 2xx or 3xx response the operation documents, or null. */
  private static JsonNode successResponse(JsonNode responses) {
    List<String> codes = new ArrayList<>();
    responses.fieldNames().forEachRemaining(codes::add);
    return codes.stream().sorted().filter(code -> code.startsWith("2") || code.startsWith("3"))
        .findFirst().map(responses::get).orElse(null);
  }

  private void checkMediaExamples(String what, JsonNode content, List<String> problems) {
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      JsonNode example = media.getValue().get("example");
      if (example == null) {
        problems.add(what + " " + media.getKey() + ": no example");
      } else {
        checkExample(what + " " + media.getKey(), media.getValue().path("schema"), example, problems);
      }
    }
  }

  private void checkExample(String what, JsonNode schemaNode, JsonNode example, List<String> problems) {
    if (schemaNode.isMissingNode()) {
      return;
    }
    for (ValidationMessage problem : schema(schemaNode).validate(example)) {
      problems.add(what + ": the example does not fit the schema: " + problem.getMessage());
    }
  }

  /** Checks a Lambda response; a base64 body is decoded first. */
  public void assertResponse(String routeKey, APIGatewayV2HTTPResponse response) {
    String body = response.getBody();
    if (body != null && response.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    assertResponse(routeKey, response.getStatusCode(), response.getHeaders(), body);
  }

  /**
   * Fails with an {@link AssertionFailedError} unless the status is documented for the route and
   * headers and body match that response: required headers present, no body where none is
   * documented (204), else a documented Content-Type and a body valid against its schema.
   */
  public void assertResponse(String routeKey, int status, Map<String, String> headers, String body) {
    JsonNode response = response(routeKey, status);
    String what = routeKey + " -> " + status;
    JsonNode documentedHeaders = response.path("headers");
    documentedHeaders.fieldNames().forEachRemaining(name -> {
      if (resolve(documentedHeaders.get(name)).path("required").asBoolean(false) && header(headers, name) == null) {
        throw new AssertionFailedError(what + ": required header " + name + " is missing; headers: " + headers);
      }
    });

    JsonNode content = response.path("content");
    if (content.isEmpty()) {
      if (body != null && !body.isEmpty()) {
        throw new AssertionFailedError(what + " documents no body, but got: " + body);
      }
      return;
    }
    String mediaType = mediaType(header(headers, "Content-Type"));
    List<String> documented = new ArrayList<>();
    content.fieldNames().forEachRemaining(documented::add);
    String matched = documented.stream()
        .filter(type -> type.equalsIgnoreCase(mediaType))
        .findFirst()
        .orElseThrow(() -> new AssertionFailedError(what + ": Content-Type " + mediaType
            + " is not documented; expected one of " + documented));

    JsonNode schemaNode = content.get(matched).get("schema");
    if (schemaNode == null) {
      return;
    }
    JsonNode json;
    try {
      json = mapper.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new AssertionFailedError(what + ": body is not JSON (" + e.getOriginalMessage() + "): " + body);
    }
    if (json == null || json.isMissingNode()) {
      throw new AssertionFailedError(what + ": documented " + matched + " body, but the body is empty");
    }
    JsonSchema schema = schemas.computeIfAbsent(what + " " + matched, key -> schema(schemaNode));
    Set<ValidationMessage> problems = schema.validate(json);
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(what + ": " + matched + " body does not match the schema:");
      problems.forEach(problem -> message.append("\n  - ").append(problem.getMessage()));
      message.append("\nbody: ").append(body);
      throw new AssertionFailedError(message.toString());
    }
  }

  /** The documented response for the status: exact code, else its range (4XX), else default. */
  private JsonNode response(String routeKey, int status) {
    int space = routeKey.indexOf(' ');
    if (space < 1) {
      throw new IllegalArgumentException("route key must look like 'GET /v1/path', got: " + routeKey);
    }
    String method = routeKey.substring(0, space).toLowerCase(Locale.ROOT);
    String path = routeKey.substring(space + 1);
    JsonNode operation = document.path("paths").path(path).path(method);
    if (operation.isMissingNode()) {
      throw new AssertionFailedError(routeKey + " is not an operation of openapi.json");
    }
    JsonNode responses = operation.path("responses");
    String code = String.valueOf(status);
    for (String key : List.of(code, code.charAt(0) + "XX", "default")) {
      if (responses.has(key)) {
        return resolve(responses.get(key));
      }
    }
    List<String> documented = new ArrayList<>();
    responses.fieldNames().forEachRemaining(documented::add);
    throw new AssertionFailedError(routeKey + ": status " + status + " is not documented; documented: " + documented);
  }

  /** Follows local references such as {@code #/components/responses/Unauthorized}. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || hops > 10) {
        throw new IllegalStateException("cannot resolve $ref " + ref + " in openapi.json");
      }
      current = document.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("dangling $ref " + ref + " in openapi.json");
      }
    }
    return current;
  }

  /**
   * The schema travels with a copy of the document's components, so that its
   * {@code #/components/schemas/X} references resolve against this schema's own root.
   */
  private JsonSchema schema(JsonNode schemaNode) {
    JsonNode root = schemaNode.deepCopy();
    if (root instanceof ObjectNode object && document.has("components")) {
      object.set("components", document.get("components").deepCopy());
    }
    return factory.getSchema(root, config);
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The media type without parameters such as charset. */
  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "(none)";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
