package com.coditect.shared.events;

import com.coditect.shared.log.Log;
import com.coditect.shared.store.ParkedEventRepository;
import com.coditect.shared.store.Timestamps;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Events the bus would not take, kept in full until a redrive puts them back on the bus
 * ({@link OutboxRedrive}); their items are {@link ParkedEventRepository}'s.
 *
 * <p>Each parked event is also a CloudWatch metric, {@code Coditect/Outbox ParkedEvents}, written
 * as an Embedded Metric Format log line (no CloudWatch call; the alarm in template.yaml watches it).
 */
public final class ParkedEvents {

  /** The metric each parked event adds 1 to. */
  public static final String METRIC_NAMESPACE = "Coditect/Outbox";
  public static final String METRIC_NAME = "ParkedEvents";

  private static final Log LOG = Log.forClass(ParkedEvents.class);

  private final ParkedEventRepository repository;
  private final Clock clock;

  public ParkedEvents(ParkedEventRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** @param dynamoDb the client, asked for only when an event is parked or read back */
  public ParkedEvents(Supplier<DynamoDbClient> dynamoDb, String tableName, Clock clock) {
    this(new ParkedEventRepository(dynamoDb, tableName), clock);
  }

  /**
   * Keeps {@code event} in full with why it was parked. Parking the same event again (a stream
   * batch retried) overwrites its item. Throws when the item cannot be written; the caller then
   * leaves the event in the stream.
   */
  public void park(OutboxRecord event, String reason) {
    repository.put(event, reason, Timestamps.now(clock));
    LOG.warn("event parked: the bus did not take it; redrive it once the cause is gone",
        "event_id", event.eventId(), "tenant_id", event.tenantId(), "detail_type", event.detailType(),
        "reason", reason, "_aws", metricDirective(), METRIC_NAME, 1);
  }

  /** One page of parked events, oldest first; {@code start} is the previous page's {@code next} (null first). */
  public ParkedEventRepository.Page page(int limit, ParkedEventRepository.PageStart start) {
    return repository.page(limit, start);
  }

  /** Removes a parked event (the bus took it on a redrive). */
  public void remove(OutboxRecord event) {
    repository.remove(event);
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
}
