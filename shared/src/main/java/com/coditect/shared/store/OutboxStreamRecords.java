package com.coditect.shared.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.coditect.shared.events.OutboxRecord;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Outbox items as the table's stream carries them: the stream filter of template.yaml (inserts of
 * {@code OUTBOX} items) and the new image read into an {@link OutboxRecord}. Two readers share it:
 * the Lambda trigger, which gets Lambda's own event types, and the local runtime's
 * {@link TableStream}, which gets the SDK's.
 *
 * <p>Plain types only: the publisher's jar has no Enhanced client, which an item class would load.
 */
public final class OutboxStreamRecords {

  private static final String INSERT = "INSERT";

  private OutboxStreamRecords() {}

  /** The outbox record of a stream record delivered to the Lambda trigger; empty unless it is an outbox insert. */
  public static Optional<OutboxRecord> fromLambda(DynamodbEvent.DynamodbStreamRecord record) {
    var image = record.getDynamodb().getNewImage();
    Function<String, String> text = name -> {
      var value = image == null ? null : image.get(name);
      return value == null ? null : value.getS();
    };
    Date created = record.getDynamodb().getApproximateCreationDateTime();
    return outboxRecord(record.getEventName(), text, record.getDynamodb().getSequenceNumber(),
        created == null ? null : Instant.ofEpochMilli(created.getTime()));
  }

  /** The outbox record of a stream record read with the SDK; empty unless it is an outbox insert. */
  public static Optional<OutboxRecord> fromSdk(Record record) {
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    Function<String, String> text = name -> {
      AttributeValue value = image == null ? null : image.get(name);
      return value == null ? null : value.s();
    };
    return outboxRecord(record.eventNameAsString(), text, record.dynamodb().sequenceNumber(),
        record.dynamodb().approximateCreationDateTime());
  }

  private static Optional<OutboxRecord> outboxRecord(String eventName, Function<String, String> image,
      String position, Instant createdAt) {
    if (!isOutboxInsert(eventName, image.apply("entity_type"))) {
      return Optional.empty();
    }
    return Optional.of(new OutboxRecord(position, createdAt, tenantOfKey(image.apply("PK")),
        image.apply("event_id"), image.apply("source"), image.apply("detail_type"), image.apply("detail")));
  }

  /** The stream filter in template.yaml, applied again here so local runs see the same records. */
  static boolean isOutboxInsert(String eventName, String entityType) {
    return INSERT.equals(eventName) && OutboxItem.ENTITY.equals(entityType);
  }

  /**
   * The tenant of an outbox item's {@code PK} ({@code T#<tenant>#OUTBOX#<event_id>}, see
   * {@link OutboxItem}), or null if it is not one.
   */
  static String tenantOfKey(String pk) {
    String[] segments = pk == null ? new String[0] : pk.split("#", -1);
    if (segments.length != 4 || !segments[0].equals("T") || !segments[2].equals(OutboxItem.ENTITY)
        || segments[1].isEmpty()) {
      return null;
    }
    return segments[1];
  }
}
