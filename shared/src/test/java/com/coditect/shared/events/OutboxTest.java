package com.coditect.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.OutboxRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** What {@link Outbox#record} writes: the event as it will travel, with long values slimmed. */
class OutboxTest {

  private static final TenantId TENANT = new TenantId("0190a1b2-0000-7000-8000-000000000001");

  /** Keeps the puts it is sent; anything else would be a call the test did not expect. */
  private static final class RecordingDynamoDb implements DynamoDbClient {
    final List<PutItemRequest> puts = new ArrayList<>();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      puts.add(request);
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private final RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
  private final SingleTable table = new SingleTable(
      DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), dynamoDb,
      new AppConfig("us-east-1", "coditect-test", "bucket", "bus", "key", Optional.empty()));
  private final OutboxRepository items = new OutboxRepository(table);
  private final Outbox outbox = new Outbox(() -> items,
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), EventSource.domain("pm"));

  /** The event as the outbox item holds it (the detail the publisher puts on the bus). */
  private JsonNode writtenDetail(Map<String, FieldChange> changes) {
    WriteTransaction tx = new Transactions(table).begin();
    outbox.record(tx, TENANT, Actor.system("test"), "task.updated", "task", "t-1", changes);
    tx.commit();
    assertEquals(1, dynamoDb.puts.size());
    return Json.readTree(dynamoDb.puts.get(0).item().get("detail").s());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aChangeOfFiftyThousandCharactersTravelsAsItsLengthAndDigest() throws Exception {
    String before = "€".repeat(50_000);
    String after = "é".repeat(50_000);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("description", new FieldChange(before, after));
    changes.put("title", new FieldChange("Old", "New"));

    JsonNode detail = writtenDetail(changes);

    JsonNode description = detail.path("changes").path("description");
    assertEquals(50_000, description.path("old").path("length").asInt());
    assertEquals(sha256(before), description.path("old").path("sha256").asText());
    assertEquals(50_000, description.path("new").path("length").asInt());
    assertEquals(sha256(after), description.path("new").path("sha256").asText());
    assertEquals("Old", detail.path("changes").path("title").path("old").asText(), "short values travel as they are");
    assertEquals("New", detail.path("changes").path("title").path("new").asText());
    assertTrue(dynamoDb.puts.get(0).item().get("detail").s().length() < 2_000, "the event is small");
  }

  @Test
  void theReturnedEventIsTheSlimmedOne() {
    WriteTransaction tx = new Transactions(table).begin();
    DomainEvent event = outbox.record(tx, TENANT, Actor.system("test"), "task.created", "task", "t-1",
        null, Map.of("description", "x".repeat(LongText.MAX_CHARS + 1)));

    Map<?, ?> description = (Map<?, ?>) event.changes().get("description").newValue();
    assertEquals(LongText.MAX_CHARS + 1, description.get("length"));
    assertEquals(null, event.changes().get("description").oldValue());
  }

  @Test
  void aLongListOrObjectValueIsSlimmedByItsJson() {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      tags.add("tag-number-" + i);
    }
    JsonNode detail = writtenDetail(Map.of("tags", new FieldChange(null, tags)));
    assertTrue(detail.path("changes").path("tags").path("new").has("sha256"));
    assertTrue(detail.path("changes").path("tags").path("old").isNull());
  }

  /** Extra detail fields keep their JSON type: numbers, booleans, trees and nulls are not strings. */
  @Test
  void extraDetailKeepsNumbersBooleansTreesAndNulls() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("count", 3L);
    extra.put("attempt", 2);
    extra.put("final", true);
    extra.put("context", Json.readTree("{\"a\":[1,{\"b\":null}]}"));
    extra.put("error", null);
    extra.put("node_id", "approve");
    WriteTransaction tx = new Transactions(table).begin();
    outbox.recordWithDetail(tx, TENANT, Actor.system("test"), "step.completed", "execution", "e-1", Map.of(), extra);
    tx.commit();
    JsonNode detail = Json.readTree(dynamoDb.puts.get(0).item().get("detail").s());
    assertTrue(detail.path("count").isIntegralNumber() && detail.path("count").asLong() == 3);
    assertTrue(detail.path("attempt").isInt() && detail.path("attempt").asInt() == 2);
    assertTrue(detail.path("final").isBoolean() && detail.path("final").asBoolean());
    assertEquals(Json.readTree("{\"a\":[1,{\"b\":null}]}"), detail.path("context"));
    assertTrue(detail.has("error") && detail.path("error").isNull());
    assertEquals("approve", detail.path("node_id").asText());
    assertEquals("e-1", detail.path("resource_id").asText());
  }
}
