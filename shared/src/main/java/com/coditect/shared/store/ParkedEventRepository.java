package com.coditect.shared.store;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Parked events: outbox events the bus would not take, kept in full (the outbox item's detail as
 * written) in table items that never expire, until a redrive puts them back on the bus.
 *
 * <pre>
 * PK                                      SK             entity_type    GSI1PK                   GSI1SK
 * T#&lt;tenant&gt;#PARKED_EVENT#&lt;event_id&gt;     PARKED_EVENT   PARKED_EVENT   PLATFORM#PARKED_EVENTS   &lt;parked_at&gt;#&lt;event_id&gt;
 *   attributes: event_id, tenant_id, source, detail_type, detail (JSON as written), reason, created_at (parked at); no ttl
 * </pre>
 *
 * <p>The key stays in the tenant's key space (the publisher's IAM may write only
 * {@code T#*#PARKED_EVENT#*}); the one platform-wide GSI1 partition lets a redrive list every
 * parked event, oldest first, with one Query per page. The stream filter matches {@code OUTBOX}
 * inserts only, so a parked item is never published by itself.
 *
 * <p>Items are written with the plain DynamoDB client, so this is no {@link ItemRepository}: the
 * publisher's jar carries no Enhanced client (it would put the jar over 12 MB), and parking is
 * rare enough that the client is only built when the first event is parked.
 */
public final class ParkedEventRepository {

  public static final String ENTITY = "PARKED_EVENT";
  private static final String ALL = Keys.platform().with("PARKED_EVENTS").build();
  // Not ItemMeta.GSI1: nothing here may lead to the Enhanced client's classes (see above).
  private static final String GSI1 = "GSI1";

  private final Supplier<DynamoDbClient> dynamoDb;
  private final String tableName;

  /** @param dynamoDb the client, asked for only when an event is parked or read back */
  public ParkedEventRepository(Supplier<DynamoDbClient> dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  /**
   * Keeps {@code event} in full with why and when ({@code parkedAt}) it was parked: one
   * {@code PutItem}. Parking the same event again (a stream batch retried) overwrites its item.
   */
  public void put(OutboxRecord event, String reason, String parkedAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(event));
    item.put("entity_type", s(ENTITY));
    item.put("GSI1PK", s(ALL));
    item.put("GSI1SK", s(parkedAt + "#" + event.eventId()));
    item.put("event_id", s(event.eventId()));
    item.put("tenant_id", s(event.tenantId()));
    item.put("source", s(event.source()));
    item.put("detail_type", s(event.detailType()));
    item.put("detail", s(event.detail()));
    item.put("reason", s(reason));
    item.put("created_at", s(parkedAt));
    dynamoDb.get().putItem(r -> r.tableName(tableName).item(item));
  }

  /**
   * One page of parked events, oldest first: one {@code Query} on GSI1.
   *
   * @param start the previous page's {@link Page#next()}; null for the first page
   */
  public Page page(int limit, PageStart start) {
    QueryResponse response = dynamoDb.get().query(r -> r.tableName(tableName).indexName(GSI1)
        .keyConditionExpression("GSI1PK = :all")
        .expressionAttributeValues(Map.of(":all", s(ALL)))
        .limit(limit)
        .exclusiveStartKey(start == null ? null : start.key));
    List<OutboxRecord> events = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      events.add(new OutboxRecord(null, null, text(item, "tenant_id"), text(item, "event_id"), text(item, "source"),
          text(item, "detail_type"), text(item, "detail")));
    }
    return new Page(events, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? new PageStart(response.lastEvaluatedKey()) : null);
  }

  /** Removes a parked event: one {@code DeleteItem}. */
  public void remove(OutboxRecord event) {
    dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(key(event)));
  }

  /** The key of {@code event}'s parked item. */
  public static Map<String, AttributeValue> key(OutboxRecord event) {
    return Map.of(
        "PK", s(Keys.tenant(new TenantId(event.tenantId())).with(ENTITY, event.eventId()).build()),
        "SK", s(ENTITY));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** Parked events of one page and where the next one starts (null after the last). */
  public record Page(List<OutboxRecord> events, PageStart next) {}

  /** Where a page of parked events starts: opaque outside the store. */
  public static final class PageStart {
    private final Map<String, AttributeValue> key;

    private PageStart(Map<String, AttributeValue> key) {
      this.key = key;
    }
  }
}
