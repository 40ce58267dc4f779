package com.coditect.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.error.ApiException;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@code Idempotency-Key} on creates: a retry replays the first response, another request under the
 * key is a 422, a key is the caller's own and lasts a day. The table is {@link InMemoryDynamoDb}, so
 * the record the first create writes is the one the retry reads.
 */
class IdempotencyTest {

  private static final ObjectMapper TREES = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final TenantId ACME = new TenantId("0191d3f2-7a00-7000-8000-00000000a11c");
  private static final Caller ALICE = caller(new Principal("user-alice", ACME, Role.MEMBER, false));
  private static final Caller BOB = caller(new Principal("user-bob", ACME, Role.MEMBER, false));
  private static final Caller PLATFORM_ADMIN = caller(new Principal("platform-admin", null, null, true));
  private static final String ROUTE = "POST /v1/projects/{project_id}/tasks";
  private static final String PATH = "/v1/projects/project-1/tasks";
  private static final String KEY = "0f8b2c6e-3d1a-4e5b-9c7d-2a1b3c4d5e6f";
  private static final String BODY = "{\"title\":\"Once\"}";

  private final InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb();
  private final SingleTable table = new SingleTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(),
      dynamoDb, new AppConfig("us-east-1", "idempotency-test", "", "coditect", "cursor-key", Optional.empty()));
  private final Transactions transactions = new Transactions(table);
  private final IdempotencyRecordRepository records = new IdempotencyRecordRepository(table);
  private int creates;

  @Test
  void withoutAKeyEveryRequestCreatesAndNothingIsReadOrRecorded() {
    ApiResponse first = at(NOW).create(post(PATH, null, BODY), ALICE, this::createTask);
    ApiResponse second = at(NOW).create(post(PATH, null, BODY), ALICE, this::createTask);
    assertEquals(2, creates);
    assertEquals(201, first.status());
    assertEquals("/v1/tasks/task-2", second.headers().get("Location"));
    assertEquals(0, dynamoDb.gets());
    assertEquals(List.of(), dynamoDb.puts());
  }

  @Test
  void theFirstRequestWithAKeyIsCreatedAndItsResponseRecordedConditionallyInTheSameWrite() {
    ApiResponse first = at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    assertEquals(1, creates);
    assertEquals(201, first.status());
    assertNull(first.headers().get("Idempotent-Replayed"));
    assertEquals(1, dynamoDb.gets(), "the record is looked for once");
    assertEquals(1, dynamoDb.puts().size(), "the record rides in the create's write");
    assertNotNull(dynamoDb.puts().get(0).conditionExpression(),
        "a record written meanwhile by a concurrent request with the key must not be overwritten");
  }

  @Test
  void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutCreatingAgain() {
    ApiResponse first = at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    ApiResponse replay = at(NOW.plusSeconds(60)).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    assertEquals(1, creates);
    assertEquals(201, replay.status());
    assertEquals(tree(first.body()), tree(replay.body()));
    assertEquals("/v1/tasks/task-1", replay.headers().get("Location"));
    assertEquals(first.headers().get("ETag"), replay.headers().get("ETag"));
    assertEquals("true", replay.headers().get("Idempotent-Replayed"));
    assertEquals(1, dynamoDb.puts().size(), "a replay writes nothing");
  }

  @Test
  void aReplayAnswersWithTheFirstResponsesStatus() {
    Function<IdempotencyClaim, Created<?>> accept = claim -> commit(claim,
        Created.accepted("/v1/compliance-reports/report-1", Map.of("status", "generating"), 1));
    at(NOW).create(post(PATH, KEY, BODY), ALICE, accept);
    ApiResponse replay = at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    assertEquals(202, replay.status());
    assertEquals(0, creates);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422NamingTheHeader() {
    at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    assertRejected(UnprocessableException.class,
        () -> at(NOW).create(post(PATH, KEY, "{\"title\":\"Twice\"}"), ALICE, this::createTask));
    assertEquals(1, creates);
  }

  @Test
  void theSameKeyAndBodyOnAnotherPathIs422() {
    at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    assertRejected(UnprocessableException.class,
        () -> at(NOW).create(post("/v1/projects/project-2/tasks", KEY, BODY), ALICE, this::createTask));
    assertEquals(1, creates);
  }

  @Test
  void aRecordHoldsItsKeyForADayAndThenNoLonger() {
    at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    Instant lastSecond = NOW.plus(Duration.ofDays(1)).minusSeconds(1);
    assertEquals("true", at(lastSecond).create(post(PATH, KEY, BODY), ALICE, this::createTask)
        .headers().get("Idempotent-Replayed"));
    assertEquals(1, creates);

    ApiResponse afterADay = at(NOW.plus(Duration.ofDays(1))).create(post(PATH, KEY, "{\"title\":\"Again\"}"), ALICE,
        this::createTask);
    assertEquals(2, creates, "an expired record is gone for the API even before DynamoDB removes it");
    assertEquals(201, afterADay.status());
    assertNull(afterADay.headers().get("Idempotent-Replayed"));
  }

  @Test
  void aKeyIsTheCallersOwnSoAnotherUsersSameKeyNeverReplaysOrClashes() {
    at(NOW).create(post(PATH, KEY, BODY), ALICE, this::createTask);
    ApiResponse bobs = at(NOW).create(post(PATH, KEY, BODY), BOB, this::createTask);
    ApiResponse bobsOther = at(NOW).create(post(PATH, "another-key", "{\"title\":\"Other\"}"), BOB, this::createTask);
    assertEquals(3, creates);
    assertNull(bobs.headers().get("Idempotent-Replayed"));
    assertEquals(201, bobsOther.status());
  }

  @Test
  void recordsLiveUnderTheCallersTenantOrThePlatformAndNeverNameTheRawKey() {
    String tenantUsers = recordKey(ALICE).partitionKeyValue().s();
    String platformAdmins = recordKey(PLATFORM_ADMIN).partitionKeyValue().s();
    assertTrue(tenantUsers.startsWith("T#" + ACME.value() + "#IDEMPOTENCY#"), tenantUsers);
    assertTrue(platformAdmins.startsWith("PLATFORM#IDEMPOTENCY#"), platformAdmins);
    assertFalse(tenantUsers.contains(KEY));
    assertFalse(recordKey(ALICE).equals(recordKey(BOB)));
  }

  @Test
  void aKeyMustBeOneTo255VisibleAsciiCharacters() {
    for (String malformed : List.of("", " ", "a b", "tab\tkey", "schlüssel", "x".repeat(256))) {
      assertRejected(BadRequestException.class,
          () -> at(NOW).create(post(PATH, malformed, BODY), ALICE, this::createTask));
    }
    assertEquals(0, creates);
    for (String wellFormed : List.of("!", "~", "x".repeat(255), KEY)) {
      assertEquals(201, at(NOW).create(post(PATH, wellFormed, BODY), ALICE, this::createTask).status(), wellFormed);
    }
  }

  @Test
  void aCreateThatReadsTheRecordWithItsOwnReadsIsCreatedOnceAndThenReplayed() {
    ApiResponse first = at(NOW).createReadingRecord(post(PATH, KEY, BODY), ALICE, this::createReadingRecord);
    ApiResponse replay = at(NOW).createReadingRecord(post(PATH, KEY, BODY), ALICE, this::createReadingRecord);
    assertEquals(1, creates);
    assertEquals(201, first.status());
    assertEquals(tree(first.body()), tree(replay.body()));
    assertEquals("true", replay.headers().get("Idempotent-Replayed"));
    assertEquals(2, dynamoDb.gets(), "one read per request, the create's own");
    assertRejected(UnprocessableException.class, () -> at(NOW).createReadingRecord(
        post(PATH, KEY, "{\"title\":\"Twice\"}"), ALICE, this::createReadingRecord));
    assertEquals(1, creates);
  }

  @Test
  void aCreateThatReadsTheRecordItselfHasNothingToReadWithoutAKey() {
    ApiResponse created = at(NOW).createReadingRecord(post(PATH, null, BODY), ALICE, lookup -> {
      assertEquals(Optional.empty(), lookup.recordKey());
      IdempotencyClaim claim = lookup.claim((IdempotencyItem) null);
      assertSame(IdempotencyClaim.none(), claim);
      return createTask(claim);
    });
    assertEquals(201, created.status());
    assertEquals(List.of(), dynamoDb.puts());
  }

  // ---------------------------------------------------------------- helpers

  private Idempotency at(Instant now) {
    return new Idempotency(() -> records, Clock.fixed(now, ZoneOffset.UTC));
  }

  /** A create service: makes a task and commits the claim with it, as every create does. */
  private Created<?> createTask(IdempotencyClaim claim) {
    creates++;
    String id = "task-" + creates;
    return commit(claim, new Created<>("/v1/tasks/" + id, Map.of("id", id, "title", "Once"), 1));
  }

  /** A create that reads the record in its own read (a BatchGetItem in the services), then creates. */
  private Created<?> createReadingRecord(Idempotency.Lookup lookup) {
    Map<String, AttributeValue> record = null;
    if (lookup.recordKey().isPresent()) {
      Key key = lookup.recordKey().get();
      GetItemResponse read = dynamoDb.getItem(b -> b.tableName(table.name()).key(Map.of(
          "PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow())));
      record = read.hasItem() ? read.item() : null;
    }
    return createTask(lookup.claim(IdempotencyRecordRepository.fromRead(record)));
  }

  private Created<?> commit(IdempotencyClaim claim, Created<?> created) {
    WriteTransaction write = transactions.begin();
    claim.attach(write, created);
    write.commit();
    return created;
  }

  private Key recordKey(Caller caller) {
    Key[] seen = new Key[1];
    at(NOW).createReadingRecord(post(PATH, KEY, BODY), caller, lookup -> {
      seen[0] = lookup.recordKey().orElseThrow();
      return new Created<>("/v1/tasks/unused", Map.of(), 1);
    });
    return seen[0];
  }

  private static ApiRequest post(String path, String idempotencyKey, String body) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(ROUTE);
    event.setRawPath(path);
    if (idempotencyKey != null) {
      event.setHeaders(Map.of(Idempotency.HEADER, idempotencyKey));
    }
    event.setBody(body);
    return new ApiRequest(event);
  }

  private static void assertRejected(Class<? extends ApiException> type, Executable request) {
    ApiException error = assertThrows(type, request);
    assertEquals(List.of(Idempotency.HEADER), error.errors().stream().map(FieldError::field).toList());
  }

  private static JsonNode tree(Object body) {
    return TREES.valueToTree(body);
  }

  private static Caller caller(Principal principal) {
    return new Caller(principal, new Actor(principal.userId(), null, null, "POST", PATH));
  }
}
