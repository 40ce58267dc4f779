package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.MotoServer;
import com.coditect.testing.ProjectFiles;
import com.coditect.testing.StripeMock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The local API (gateway, functions, event pump, schedules) on moto for one test class, driven over
 * HTTP as a client would. Each harness gets its own table, bus and bucket ({@code coditect-e2e-<hex>}),
 * so test classes never see each other's data. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}. {@link LocalApi} configures the functions through JVM-wide system properties,
 * so only one harness may be open at a time (JUnit runs classes sequentially by default).
 */
final class LocalApiHarness implements AutoCloseable {

  static final String REGION = "us-east-1";
  static final String CURSOR_SIGNING_KEY = "test-cursor-key";
  /** The user id of the platform administrator that creates tenants. */
  static final String PLATFORM_ADMIN_ID = "00000000-0000-7000-8000-00000000a0a0";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int START_ATTEMPTS = 3;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final LocalSettings settings;
  private final LocalApi api;
  private final URI moto;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final List<Runnable> cleanup = new ArrayList<>();
  private final List<SdkAutoCloseable> clients = new ArrayList<>();
  private DynamoDbClient dynamoDb;
  private EventBridgeClient eventBridge;
  private SqsClient sqs;
  private CognitoIdentityProviderClient cognito;

  /** The open harness (only one may be open at a time), for {@link RuleDeliveryCheck}. */
  private static volatile LocalApiHarness current;

  private LocalApiHarness(LocalSettings settings, LocalApi api, URI moto) {
    this.settings = settings;
    this.api = api;
    this.moto = moto;
  }

  /**
   * Starts the local API on a free port. The port is found by binding and releasing it, so another
   * process may take it first; a failed bind is retried with a new port (and new names).
   */
  static LocalApiHarness start() {
    URI moto = MotoServer.endpoint();
    IOException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      String name = "coditect-e2e-" + HexFormat.of().formatHex(randomBytes(6));
      LocalSettings settings = new LocalSettings(freePort(), 0, null, 0, null, ProjectFiles.template(), name, name, name,
          REGION, StripeMock.apiBase());
      try {
        LocalApiHarness harness = new LocalApiHarness(settings, LocalApi.start(settings, moto, CURSOR_SIGNING_KEY), moto);
        current = harness;
        return harness;
      } catch (BindException e) {
        last = e;
      } catch (IOException e) {
        throw new UncheckedIOException("the local API did not start", e);
      }
    }
    throw new UncheckedIOException("no free port for the local gateway after " + START_ATTEMPTS + " attempts", last);
  }

  LocalSettings settings() {
    return settings;
  }

  LocalApi api() {
    return api;
  }

  String baseUrl() {
    return api.baseUrl();
  }

  URI moto() {
    return moto;
  }

  /** The harness open now, if any. */
  static Optional<LocalApiHarness> current() {
    return Optional.ofNullable(current);
  }

  /** How many events the template's rule with this logical id has delivered to its function so far. */
  int deliveries(String ruleLogicalId) {
    return api.rules().deliveries(ruleLogicalId);
  }

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
  static void eventually(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      pause(Duration.ofMillis(200));
    }
  }

  // ------------------------------------------------------------------------------------------
  // tokens

  /** A dev token as {@code POST /local/token} would mint it. */
  String token(String userId, String tenantId, String role) {
    return api.token(userId, tenantId, role, false);
  }

  /** A platform administrator's token: no tenant, no role. */
  String platformAdminToken() {
    return api.token(PLATFORM_ADMIN_ID, null, null, true);
  }

  // ------------------------------------------------------------------------------------------
  // HTTP

  /** A request to the gateway, e.g. {@code request("PATCH", "/v1/me").token(t).body("{...}").send()}. */
  Request request(String method, String pathAndQuery) {
    return new Request(method, pathAndQuery);
  }

  Response get(String path, String token) {
    return request("GET", path).token(token).send();
  }

  Response post(String path, String token, String body) {
    return request("POST", path).token(token).body(body).send();
  }

  Response patch(String path, String token, String ifMatch, String body) {
    return request("PATCH", path).token(token).header("If-Match", ifMatch).body(body).send();
  }

  Response delete(String path, String token) {
    return request("DELETE", path).token(token).send();
  }

  /** One request being built; {@code null} header values and tokens are left out. */
  final class Request {
    private final String method;
    private final String pathAndQuery;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private Request(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    Request token(String token) {
      return token == null ? this : header("Authorization", "Bearer " + token);
    }

    Request header(String name, String value) {
      if (value != null) {
        headers.put(name, value);
      }
      return this;
    }

    /** A JSON body ({@code Content-Type: application/json} unless set otherwise). */
    Request body(String json) {
      this.body = json;
      return this;
    }

    Response send() {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
          .timeout(REQUEST_TIMEOUT)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
        builder.header("Content-Type", "application/json");
      }
      headers.forEach(builder::header);
      try {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return Response.of(method + " " + pathAndQuery, response);
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** A gateway response: status, headers, the raw body and (when it is JSON) the parsed body. */
  record Response(String request, int status, HttpHeaders headers, String body, JsonNode json) {

    static Response of(String request, HttpResponse<String> response) {
      String body = response.body() == null ? "" : response.body();
      JsonNode json = null;
      if (!body.isBlank() && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
        try {
          json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
          throw new AssertionError(request + " answered a Content-Type of JSON with a body that is not: " + body, e);
        }
      }
      return new Response(request, response.statusCode(), response.headers(), body, json);
    }

    /** The first value of a header (names are case-insensitive), or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    /** A top-level field of the JSON body as text, or null. */
    String text(String field) {
      return json == null ? null : json.path(field).asText(null);
    }

    /** The fields a problem's {@code errors} name. */
    List<String> errorFields() {
      return json == null ? List.of() : json.path("errors").findValuesAsText("field");
    }

    /** The ids of a list response's {@code items}. */
    List<String> itemIds() {
      List<String> ids = new ArrayList<>();
      if (json != null) {
        json.path("items").forEach(item -> ids.add(item.path("id").asText(null)));
      }
      return ids;
    }

    boolean isProblem() {
      return contentType() != null && contentType().startsWith("application/problem+json") && json != null;
    }

    /** Fails unless the status is {@code expected}; the message shows the request and the body. */
    Response expect(int expected) {
      assertEquals(expected, status, () -> request + " -> " + status + " " + body);
      return this;
    }

    @Override
    public String toString() {
      return request + " -> " + status + " " + body;
    }
  }

  // ------------------------------------------------------------------------------------------
  // seeding, through the API as a client would

  /** A tenant made by {@code POST /v1/tenants}, with its first owner. */
  record Tenant(String id, String name, String ownerId, String ownerEmail, String ownerToken) {}

  /** A user invited into a tenant by {@code POST /v1/users}. */
  record User(String id, String email, String role, String token) {}

  Tenant createTenant(String name) {
    return createTenant(name, "owner-" + UUID.randomUUID() + "@example.com");
  }

  Tenant createTenant(String name, String ownerEmail) {
    ObjectNode body = JSON.createObjectNode().put("name", name);
    body.putObject("owner").put("email", ownerEmail).put("name", "Olive Owner");
    Response created = post("/v1/tenants", platformAdminToken(), body.toString()).expect(201);
    String tenantId = created.text("id");
    String ownerId = created.text("owner_user_id");
    return new Tenant(tenantId, name, ownerId, ownerEmail, token(ownerId, tenantId, "owner"));
  }

  User addUser(Tenant tenant, String role) {
    return addUser(tenant, role, role + "-" + UUID.randomUUID() + "@example.com");
  }

  User addUser(Tenant tenant, String role, String email) {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("name", "A " + role).put("role", role);
    Response created = post("/v1/users", tenant.ownerToken(), body.toString()).expect(201);
    String id = created.text("id");
    return new User(id, email, role, token(id, tenant.id(), role));
  }

  /** Creates a resource with a POST and returns its id (the 201's {@code id}). */
  String create(String path, String token, String body) {
    return post(path, token, body).expect(201).text("id");
  }

  // ------------------------------------------------------------------------------------------
  // the bus, as a subscriber sees it

  /**
   * Subscribes a new SQS queue to this harness's bus with a rule matching {@code pattern}. Create
   * it before the writes whose events it should see: a rule sees only events put after it exists.
   */
  BusTap tapBus(String pattern) {
    String name = settings.busName() + "-tap-" + HexFormat.of().formatHex(randomBytes(3));
    SqsClient queues = sqs();
    String queueUrl = queues.createQueue(r -> r.queueName(name)).queueUrl();
    String queueArn = queues.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    EventBridgeClient events = eventBridge();
    events.putRule(r -> r.eventBusName(settings.busName()).name(name).eventPattern(pattern));
    events.putTargets(r -> r.eventBusName(settings.busName()).rule(name)
        .targets(Target.builder().id("queue").arn(queueArn).build()));
    BusTap tap = new BusTap(name, queueUrl);
    cleanup.add(() -> {
      quietly(() -> events.removeTargets(r -> r.eventBusName(settings.busName()).rule(name).ids("queue")));
      quietly(() -> events.deleteRule(r -> r.eventBusName(settings.busName()).name(name)));
      quietly(() -> queues.deleteQueue(r -> r.queueUrl(queueUrl)));
    });
    return tap;
  }

  /** The events a rule on the bus delivered to its queue; everything received is kept, in order. */
  final class BusTap {
    private final String ruleName;
    private final String queueUrl;
    private final List<JsonNode> received = new ArrayList<>();

    private BusTap(String ruleName, String queueUrl) {
      this.ruleName = ruleName;
      this.queueUrl = queueUrl;
    }

    String ruleName() {
      return ruleName;
    }

    /** Polls until an event received so far matches, or the timeout passes; returns the match. */
    Optional<JsonNode> awaitEvent(Predicate<JsonNode> wanted, Duration timeout) {
      Instant deadline = Instant.now().plus(timeout);
      while (true) {
        Optional<JsonNode> match = received.stream().filter(wanted).findFirst();
        if (match.isPresent() || Instant.now().isAfter(deadline)) {
          return match;
        }
        if (receiveOnce() == 0) {
          pause(Duration.ofMillis(100));
        }
      }
    }

    /** Keeps receiving for {@code window} (for asserting that nothing more arrives); returns all received. */
    List<JsonNode> drain(Duration window) {
      Instant deadline = Instant.now().plus(window);
      while (Instant.now().isBefore(deadline)) {
        if (receiveOnce() == 0) {
          pause(Duration.ofMillis(100));
        }
      }
      return List.copyOf(received);
    }

    List<JsonNode> received() {
      return List.copyOf(received);
    }

    private int receiveOnce() {
      List<Message> messages = sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (messages.isEmpty()) {
        return 0;
      }
      List<DeleteMessageBatchRequestEntry> receipts = new ArrayList<>();
      for (Message message : messages) {
        received.add(envelope(message.body()));
        receipts.add(DeleteMessageBatchRequestEntry.builder()
            .id(String.valueOf(receipts.size()))
            .receiptHandle(message.receiptHandle())
            .build());
      }
      sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(receipts));
      return messages.size();
    }

    /** EventBridge puts the envelope in the message body; a detail given as a string is parsed. */
    private JsonNode envelope(String body) {
      try {
        JsonNode event = JSON.readTree(body);
        if (event.get("detail") != null && event.get("detail").isTextual() && event instanceof ObjectNode object) {
          object.set("detail", JSON.readTree(event.get("detail").textValue()));
        }
        return event;
      } catch (JsonProcessingException e) {
        throw new AssertionError("queue message is not an EventBridge event: " + body, e);
      }
    }
  }

  /** The tenant's audit entries in chain order, read as a test may (the whole partition, no head). */
  List<AuditEntryItem> auditEntries(String tenantId) {
    List<AuditEntryItem> entries = new ArrayList<>();
    dynamoDb().queryPaginator(q -> q.tableName(settings.tableName())
            .keyConditionExpression("PK = :pk").consistentRead(true)
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditKeys.entries(new TenantId(tenantId))))))
        .items().stream().filter(item -> !AuditKeys.HEAD.equals(item.get("SK").s()))
        .forEach(item -> entries.add(AuditEntryItem.SCHEMA.mapToItem(item)));
    return entries;
  }

  synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs = aws(SqsClient.builder());
    }
    return sqs;
  }

  synchronized EventBridgeClient eventBridge() {
    if (eventBridge == null) {
      eventBridge = aws(EventBridgeClient.builder());
    }
    return eventBridge;
  }

  /** The user pool the identity function keeps in step (moto's, made for this harness). */
  String userPoolId() {
    return System.getProperty(com.coditect.shared.config.AppConfig.OVERRIDE_PREFIX + "USER_POOL_ID");
  }

  synchronized CognitoIdentityProviderClient cognito() {
    if (cognito == null) {
      cognito = aws(CognitoIdentityProviderClient.builder());
    }
    return cognito;
  }

  synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = aws(DynamoDbClient.builder());
    }
    return dynamoDb;
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C aws(B builder) {
    C client = builder.region(Region.of(REGION))
        .endpointOverride(moto)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
    clients.add(client);
    return client;
  }

  // ------------------------------------------------------------------------------------------

  /** Stops the local API, then removes what this class left on moto (best effort). */
  @Override
  public void close() {
    if (current == this) {
      current = null;
    }
    api.close();
    List<Runnable> steps = new ArrayList<>(cleanup);
    Collections.reverse(steps);
    steps.forEach(LocalApiHarness::quietly);
    quietly(() -> dynamoDb().deleteTable(r -> r.tableName(settings.tableName())));
    quietly(() -> eventBridge().deleteEventBus(r -> r.name(settings.busName())));
    for (SdkAutoCloseable client : clients) {
      quietly(client::close);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException ignored) {
      // best-effort cleanup: the test result matters more
    }
  }
}
