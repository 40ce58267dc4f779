package com.coditect.testing;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An isolated slice of moto for one test class: its own table (built from the template's
 * {@code CoditectTable}), its own event bus whose {@code coditect.*} events land in its own SQS
 * queue, and SDK clients pointing at them. Close it after the class.
 */
public final class AwsTestEnvironment implements AutoCloseable {

  public static final String REGION = "us-east-1";
  public static final String BUCKET_NAME = "coditect-test-bucket";
  /** The value of the cursor-signing secret every test environment's config names. */
  public static final String CURSOR_SIGNING_KEY = "test-cursor-signing-key";

  private static final String TABLE_RESOURCE = "CoditectTable";
  private static final String EVENT_PATTERN = "{\"source\":[{\"prefix\":\"coditect.\"}]}";
  private static final String TARGET_ID = "test-queue";
  private static final Duration DRAIN_WINDOW = Duration.ofSeconds(1);
  private static final Duration POLL_PAUSE = Duration.ofMillis(50);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<String, String> SECRETS = new HashMap<>();

  private final URI endpoint;
  private final String tableName;
  private final String busName;
  private final String ruleName;
  private final String queueName;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final EventBridgeClient eventBridge;
  private final SqsClient sqs;
  private final List<SdkClient> extraClients = new CopyOnWriteArrayList<>();
  private final ObjectMapper mapper = Json.newMapper();
  private String queueUrl;
  private String queueArn;

  private AwsTestEnvironment(URI endpoint, String baseName) {
    this.endpoint = endpoint;
    this.tableName = baseName;
    this.busName = baseName;
    this.ruleName = baseName + "-all";
    this.queueName = baseName;
    this.dynamoDb = configure(DynamoDbClient.builder(), endpoint).build();
    this.streams = configure(DynamoDbStreamsClient.builder(), endpoint).build();
    this.eventBridge = configure(EventBridgeClient.builder(), endpoint).build();
    this.sqs = configure(SqsClient.builder(), endpoint).build();
  }

  /**
   * An S3 client on moto with the documents bucket ({@link #BUCKET_NAME}) made: once per moto, as
   * every test class shares it. The caller closes the client.
   */
  public static S3Client documentsBucket() {
    S3Client s3 = configure(S3Client.builder(), MotoServer.endpoint()).forcePathStyle(true).build();
    try {
      s3.createBucket(b -> b.bucket(BUCKET_NAME));
    } catch (BucketAlreadyOwnedByYouException e) {
      // another test class (or an earlier bench on the same moto) made it first
    }
    return s3;
  }

  /**
   * Creates the table, bus, rule and queue on moto. The name (e.g. the test class) is only for
   * humans reading moto's state; a random suffix keeps runs and classes apart.
   */
  public static AwsTestEnvironment create(String name) {
    // Queue names allow [A-Za-z0-9_-] and rule names 64 characters: the strictest limits win.
    String safe = name.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT);
    if (safe.length() > 40) {
      safe = safe.substring(0, 40);
    }
    String baseName = "coditect-" + safe + "-" + String.format("%08x", RANDOM.nextInt());
    AwsTestEnvironment environment = new AwsTestEnvironment(MotoServer.endpoint(), baseName);
    try {
      environment.createTable();
      environment.createQueue();
      environment.recreateBus();
      return environment;
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  /** The configuration a function would read from its environment, pointing at this slice. */
  public AppConfig appConfig() {
    return new AppConfig(REGION, tableName, BUCKET_NAME, busName, cursorKeySecret(), Optional.of(endpoint));
  }

  /**
   * The ARN of the secret on moto holding {@link #CURSOR_SIGNING_KEY}, as functions read their keys
   * from Secrets Manager.
   */
  public static String cursorKeySecret() {
    return secret(CURSOR_SIGNING_KEY);
  }

  /**
   * The ARN of a secret on moto holding {@code value}: made once per value, moto and JVM (under a
   * random name, so runs sharing a moto do not collide).
   */
  public static synchronized String secret(String value) {
    return SECRETS.computeIfAbsent(value, v -> {
      try (SecretsManagerClient secrets = configure(SecretsManagerClient.builder(), MotoServer.endpoint()).build()) {
        return secrets.createSecret(r -> r.name("coditect-test-key-" + String.format("%08x", RANDOM.nextInt()))
            .secretString(v)).arn();
      }
    });
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public DynamoDbStreamsClient streams() {
    return streams;
  }

  public EventBridgeClient eventBridge() {
    return eventBridge;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public String tableName() {
    return tableName;
  }

  public String busName() {
    return busName;
  }

  /**
   * A live user of a tenant with the given role, written as the tenancy function stores users, for
   * the functions that only read them; returns the user's id.
   */
  public String seedUser(String tenantId, String role) {
    String userId = Ids.newId();
    dynamoDb.putItem(b -> b.tableName(tableName).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenantId + "#USER#" + userId), "SK", AttributeValue.fromS("USER"),
        "entity_type", AttributeValue.fromS("USER"), "id", AttributeValue.fromS(userId),
        "role", AttributeValue.fromS(role), "status", AttributeValue.fromS("active"),
        "name", AttributeValue.fromS("A " + role), "email", AttributeValue.fromS(role + "-" + userId + "@example.com"),
        "version", AttributeValue.fromN("1"))));
    return userId;
  }

  /**
   * A tenant with a live user of each role and one project (key {@code projectKey}), written as the
   * tenancy function writes them.
   */
  public SeededTenant seedTenant(String projectKey) {
    String tenantId = Ids.newId();
    SeededTenant tenant = new SeededTenant(tenantId, seedUser(tenantId, "owner"), seedUser(tenantId, "admin"),
        seedUser(tenantId, "member"), seedUser(tenantId, "viewer"), null);
    return tenant.withProject(seedProject(tenant, projectKey));
  }

  /** Another live project of the tenant, owned by its owner, as tenancy stores projects; returns its id. */
  public String seedProject(SeededTenant tenant, String key) {
    String projectId = Ids.newId();
    dynamoDb.putItem(b -> b.tableName(tableName).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant.id() + "#PROJECT#" + projectId), "SK", AttributeValue.fromS("PROJECT"),
        "entity_type", AttributeValue.fromS("PROJECT"), "id", AttributeValue.fromS(projectId),
        "key", AttributeValue.fromS(key), "name", AttributeValue.fromS("Project " + key),
        "status", AttributeValue.fromS("active"), "owner_id", AttributeValue.fromS(tenant.ownerId()),
        "version", AttributeValue.fromN("1"))));
    return projectId;
  }

  /** Marks a seeded item deleted, as tenancy's soft delete does. */
  public void softDelete(String pk, String sk) {
    dynamoDb.updateItem(b -> b.tableName(tableName)
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))
        .updateExpression("SET deleted_at = :now")
        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("2026-01-01T00:00:00.000Z"))));
  }

  /**
   * The detail of every event in the table's outbox, in scan order. A test may Scan: the outbox has
   * no list of its own (the stream carries it on), and no route reads it.
   */
  public List<JsonNode> outboxEvents() {
    List<JsonNode> details = new ArrayList<>();
    dynamoDb.scanPaginator(b -> b.tableName(tableName).filterExpression("entity_type = :outbox")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"))))
        .items().forEach(item -> details.add(Json.readTree(item.get("detail").s())));
    return details;
  }

  /** A further DynamoDB client with interceptors (e.g. a {@link DynamoDbCallCounter}); closed with this. */
  public DynamoDbClient newDynamoDbClient(ExecutionInterceptor... interceptors) {
    DynamoDbClient client = configure(DynamoDbClient.builder(), endpoint)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .executionInterceptors(List.of(interceptors))
            .build())
        .build();
    extraClients.add(client);
    return client;
  }

  /** Every record on the table's stream so far, oldest first, read from TRIM_HORIZON of each shard. */
  public List<Record> streamRecords() {
    String streamArn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
    if (streamArn == null) {
      throw new IllegalStateException("table " + tableName + " has no stream");
    }
    List<Record> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(b -> b.streamArn(streamArn)
          .shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
        records.addAll(page.records());
        // An open shard always returns a next iterator; an empty page means we are at its tip.
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
      }
    }
    return records;
  }

  /**
   * Polls the queue until at least {@code atLeast} events arrived or the timeout passed, and
   * returns the EventBridge envelopes received (with {@code detail} as an object), deleting them
   * from the queue. Fewer than asked means the timeout passed; callers assert on the list.
   */
  public List<JsonNode> receivedEvents(int atLeast, Duration timeout) {
    List<JsonNode> events = new ArrayList<>();
    Instant deadline = Instant.now().plus(timeout);
    do {
      // Short polls rather than SQS long polling: moto answers at once, and a pause of our own
      // keeps the timeout precise.
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (messages.isEmpty()) {
        pause();
        continue;
      }
      for (Message message : messages) {
        events.add(envelope(message.body()));
      }
      List<DeleteMessageBatchRequestEntry> receipts = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        receipts.add(DeleteMessageBatchRequestEntry.builder()
            .id(String.valueOf(i))
            .receiptHandle(messages.get(i).receiptHandle())
            .build());
      }
      sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(receipts));
    } while (events.size() < atLeast && Instant.now().isBefore(deadline));
    return events;
  }

  /** Whatever events arrive within about a second: for asserting that nothing (more) was published. */
  public List<JsonNode> drainEvents() {
    return receivedEvents(Integer.MAX_VALUE, DRAIN_WINDOW);
  }

  /** Removes the bus (with its rule) so publishing fails, as in an EventBridge outage. */
  public void deleteBus() {
    eventBridge.removeTargets(b -> b.eventBusName(busName).rule(ruleName).ids(TARGET_ID));
    eventBridge.deleteRule(b -> b.eventBusName(busName).name(ruleName));
    eventBridge.deleteEventBus(b -> b.name(busName));
  }

  /** Creates the bus, its catch-all {@code coditect.*} rule and the queue target again. */
  public void recreateBus() {
    eventBridge.createEventBus(b -> b.name(busName));
    eventBridge.putRule(b -> b.eventBusName(busName).name(ruleName).eventPattern(EVENT_PATTERN));
    eventBridge.putTargets(b -> b.eventBusName(busName).rule(ruleName)
        .targets(Target.builder().id(TARGET_ID).arn(queueArn).build()));
  }

  /** Deletes everything this environment created; failures are ignored so cleanup never masks a test failure. */
  @Override
  public void close() {
    quietly(() -> dynamoDb.deleteTable(b -> b.tableName(tableName)));
    // Step by step: after a test's deleteBus() the first steps fail, the later ones must still run.
    quietly(() -> eventBridge.removeTargets(b -> b.eventBusName(busName).rule(ruleName).ids(TARGET_ID)));
    quietly(() -> eventBridge.deleteRule(b -> b.eventBusName(busName).name(ruleName)));
    quietly(() -> eventBridge.deleteEventBus(b -> b.name(busName)));
    if (queueUrl != null) {
      quietly(() -> sqs.deleteQueue(b -> b.queueUrl(queueUrl)));
    }
    extraClients.forEach(client -> quietly(client::close));
    for (SdkClient client : List.of(dynamoDb, streams, eventBridge, sqs)) {
      quietly(client::close);
    }
  }

  private void createTable() {
    TemplateTable table = new TemplateTable(CloudTemplate.load().resourceProperties(TABLE_RESOURCE));
    dynamoDb.createTable(table.createTableRequest(tableName));
    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
        .timeToLiveSpecification(ttl -> ttl.attributeName(attribute).enabled(true))));
  }

  /** Moto delivers to the queue without a queue policy, so none is set. */
  private void createQueue() {
    queueUrl = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
    queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  /** EventBridge puts the envelope in the message body; a detail given as a string is parsed. */
  private JsonNode envelope(String body) {
    try {
      JsonNode event = mapper.readTree(body);
      JsonNode detail = event.get("detail");
      if (detail != null && detail.isTextual() && event instanceof ObjectNode object) {
        object.set("detail", mapper.readTree(detail.textValue()));
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("queue message is not an EventBridge event: " + body, e);
    }
  }

  /**
   * A client builder of any service on this JVM's moto, set up as this environment's own clients
   * (region, endpoint, the default credentials chain), for a test's own calls: a test that used a
   * function's client for them would resolve that function's credentials early, as the function
   * itself never does (PrimingCheck counts them).
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B onMoto(B builder) {
    return configure(builder, MotoServer.endpoint());
  }

  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
      URI endpoint) {
    return builder
        .region(Region.of(REGION))
        // No credentials provider: the default chain finds the container endpoint (MotoServer installs it).
        .endpointOverride(endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling for events", e);
    }
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException ignored) {
      // best effort: moto may already have lost the resource, and the test result matters more
    }
  }
}
