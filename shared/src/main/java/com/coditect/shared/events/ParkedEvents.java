package com.coditect.shared.events;

import com.coditect.shared.log.Log;
import com.coditect.shared.store.Keys;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Events the bus would not take, kept in full (the outbox item's detail as written) in table items
 * that never expire, until a redrive puts them back on the bus ({@link OutboxRedrive}).
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
 * <p>Each parked event is also a CloudWatch metric, {@code Coditect/Outbox ParkedEvents}, written
 * as an Embedded Metric Format log line (no CloudWatch call; the alarm in template.yaml watches it).
 *
 * <p>Items are written with the plain DynamoDB client: the publisher's jar carries no Enhanced
 * client (it would put the jar over 12 MB), and parking is rare enough that the client is only
 * built when the first event is parked.
 */
public final class ParkedEvents {

  public static final String ENTITY = "PARKED_EVENT";
  /** The metric each parked event adds 1 to. */
  public static final String METRIC_NAMESPACE = "Coditect/Outbox";
  public static final String METRIC_NAME = "ParkedEvents";
  private static final String ALL = Keys.platform().with("PARKED_EVENTS").build();
  private static final String GSI1 = "GSI1";

  private static final Log LOG = Log.forClass(ParkedEvents.class);

  private final Supplier<DynamoDbClient> dynamoDb;
  private final String tableName;
  private final Clock clock;

  /** @param dynamoDb the client, asked for only when an event is parked or read back */
  public ParkedEvents(Supplier<DynamoDbClient> dynamoDb, String tableName, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.clock = clock;
  }

  /**
   * Keeps {@code event} in full with why it was parked. Parking the same event again (a stream
   * batch retried) overwrites its item. Throws when the item cannot be written; the caller then
   * leaves the event in the stream.
   */
  public void park(OutboxRecord event, String reason) {
    String parkedAt = Timestamps.now(clock);
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
    LOG.warn("event parked: the bus did not take it; redrive it once the cause is gone",
        "event_id", event.eventId(), "tenant_id", event.tenantId(), "detail_type", event.detailType(),
        "reason", reason, "_aws", metricDirective(), METRIC_NAME, 1);
  }

  /** One page of parked events, oldest first; {@code startKey} is the previous page's {@code next} (null first). */
  public Page page(int limit, Map<String, AttributeValue> startKey) {
    QueryResponse response = dynamoDb.get().query(r -> r.tableName(tableName).indexName(GSI1)
        .keyConditionExpression("GSI1PK = :all")
        .expressionAttributeValues(Map.of(":all", s(ALL)))
        .limit(limit)
        .exclusiveStartKey(startKey));
    List<OutboxRecord> events = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      events.add(new OutboxRecord(null, null, text(item, "tenant_id"), text(item, "event_id"), text(item, "source"),
          text(item, "detail_type"), text(item, "detail")));
    }
    return new Page(events, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? response.lastEvaluatedKey() : null);
  }

  /** Removes a parked event (the bus took it on a redrive). */
  public void remove(OutboxRecord event) {
    dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(key(event)));
  }

  /** The key of {@code event}'s parked item. */
  public static Map<String, AttributeValue> key(OutboxRecord event) {
    return Map.of(
        "PK", s(Keys.tenant(new TenantId(event.tenantId())).with(ENTITY, event.eventId()).build()),
        "SK", s(ENTITY));
  }

  /** The EMF metadata: one dimensionless Count metric, whose value is the line's {@value #METRIC_NAME}. */
  private Map<String, Object> metricDirective() {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("Name", METRIC_NAME);
    metric.put("Unit", "Count");
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", METRIC_NAMESPACE);
    directive.put("Dimensions", List.of(List.of()));
    directive.put("Metrics", List.of(metric));
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", clock.millis());
    aws.put("CloudWatchMetrics", List.of(directive));
    return aws;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** Parked events of one page and the key to read the next one from (null after the last). */
  public record Page(List<OutboxRecord> events, Map<String, AttributeValue> next) {}
}
