package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.shared.events.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The parked-event items as written, and paging through them one Query at a time. */
class ParkedEventRepositoryTest {

  private static final String TENANT = "0190a1b2-0000-7000-8000-000000000001";
  private static final OutboxRecord EVENT =
      new OutboxRecord("seq-1", null, TENANT, "e-1", "coditect.pm", "task.updated", "{\"event_id\":\"e-1\"}");
  private static final String PARKED_AT = "2026-12-01T10:00:00.000Z";

  /** Keeps what it is sent; answers queries from {@code pages}, in order. */
  private static final class Table implements DynamoDbClient {
    final List<PutItemRequest> puts = new ArrayList<>();
    final List<QueryRequest> queries = new ArrayList<>();
    final List<DeleteItemRequest> deletes = new ArrayList<>();
    final List<QueryResponse> pages = new ArrayList<>();
    int built;

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      puts.add(request);
      return PutItemResponse.builder().build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
      queries.add(request);
      return pages.remove(0);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
      deletes.add(request);
      return DeleteItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private final Table table = new Table();
  private final ParkedEventRepository repository = new ParkedEventRepository(() -> {
    table.built++;
    return table;
  }, "coditect");

  @Test
  void aParkedEventIsKeptInFullInTheTenantsKeySpaceAndListedOnThePlatformsIndexWithoutExpiry() {
    repository.put(EVENT, "entry_too_large", PARKED_AT);
    Map<String, AttributeValue> item = table.puts.get(0).item();
    assertEquals("coditect", table.puts.get(0).tableName());
    assertEquals("T#" + TENANT + "#PARKED_EVENT#e-1", item.get("PK").s());
    assertEquals("PARKED_EVENT", item.get("SK").s());
    assertEquals("PARKED_EVENT", item.get("entity_type").s());
    assertEquals("PLATFORM#PARKED_EVENTS", item.get("GSI1PK").s());
    assertEquals(PARKED_AT + "#e-1", item.get("GSI1SK").s());
    assertEquals(EVENT.detail(), item.get("detail").s());
    assertEquals("entry_too_large", item.get("reason").s());
    assertEquals(PARKED_AT, item.get("created_at").s());
    assertFalse(item.containsKey("ttl"));
    assertEquals(ParkedEventRepository.key(EVENT), Map.of("PK", item.get("PK"), "SK", item.get("SK")));
  }

  @Test
  void pagesAreReadOldestFirstFromWhereThePreviousPageEnded() {
    Map<String, AttributeValue> lastOfFirst = Map.of("PK", AttributeValue.fromS("p"), "SK", AttributeValue.fromS("s"),
        "GSI1PK", AttributeValue.fromS("PLATFORM#PARKED_EVENTS"), "GSI1SK", AttributeValue.fromS("g"));
    table.pages.add(QueryResponse.builder().items(List.of(stored("e-1"))).lastEvaluatedKey(lastOfFirst).build());
    table.pages.add(QueryResponse.builder().items(List.of(stored("e-2"))).build());

    ParkedEventRepository.Page first = repository.page(1, null);
    assertEquals(List.of(parked("e-1")), first.events());
    assertNotNull(first.next());
    ParkedEventRepository.Page second = repository.page(1, first.next());
    assertEquals(List.of(parked("e-2")), second.events());
    assertNull(second.next(), "the last page has no next");

    QueryRequest query = table.queries.get(0);
    assertEquals("GSI1", query.indexName());
    assertEquals("GSI1PK = :all", query.keyConditionExpression());
    assertEquals(AttributeValue.fromS("PLATFORM#PARKED_EVENTS"), query.expressionAttributeValues().get(":all"));
    assertEquals(1, query.limit());
    assertFalse(query.hasExclusiveStartKey());
    assertEquals(lastOfFirst, table.queries.get(1).exclusiveStartKey());
  }

  @Test
  void aRemovedEventDeletesItsOwnItem() {
    repository.remove(EVENT);
    assertEquals(ParkedEventRepository.key(EVENT), table.deletes.get(0).key());
  }

  @Test
  void theClientIsAskedForOnlyWhenAnEventIsParkedOrReadBack() {
    new ParkedEventRepository(() -> {
      throw new AssertionError("built eagerly");
    }, "coditect");
    assertEquals(0, table.built);
    repository.put(EVENT, "r", PARKED_AT);
    assertEquals(1, table.built);
  }

  private static Map<String, AttributeValue> stored(String eventId) {
    return Map.of("tenant_id", AttributeValue.fromS(TENANT), "event_id", AttributeValue.fromS(eventId),
        "source", AttributeValue.fromS("coditect.pm"), "detail_type", AttributeValue.fromS("task.updated"),
        "detail", AttributeValue.fromS("{}"), "reason", AttributeValue.fromS("r"));
  }

  private static OutboxRecord parked(String eventId) {
    return new OutboxRecord(null, null, TENANT, eventId, "coditect.pm", "task.updated", "{}");
  }
}
