package com.coditect.shared.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays the Lambda stream trigger where there is none (moto, the local runtime): reads the table's
 * stream, keeps outbox inserts only (the template's filter) and hands them to the same
 * {@link OutboxPublisher} the Lambda uses, with the same outcome: what the bus refuses for good is
 * parked, and the first record left unsent is where the next poll starts again (where Lambda would
 * retry from the batch item failure the handler reports).
 *
 * <p>It checkpoints the last sequence number handled (on the bus or parked) per shard and asks
 * for a fresh iterator after it on every poll. Besides surviving iterator expiry, this matters on moto: it
 * rolls back a cancelled transaction by restoring a copy of the table, and an iterator taken
 * before that keeps reading the discarded copy (phantom writes, and none of the later ones).
 */
public final class StreamFollower {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final OutboxPublisher publisher;
  private final String tableName;
  /** Last sequence number handled per shard; a shard without one is read from its start. */
  private final Map<String, String> checkpoints = new HashMap<>();
  private final Map<String, Integer> backlog = new HashMap<>();
  private final Consumer<List<OutboxRecord>> onPublished;
  private String streamArn;

  public StreamFollower(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, OutboxPublisher publisher,
      String tableName) {
    this(dynamoDb, streams, publisher, tableName, published -> { });
  }

  /**
   * @param onPublished receives the records the bus accepted, in order (the local runtime routes
   *     them to rule targets, which moto cannot invoke)
   */
  public StreamFollower(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, OutboxPublisher publisher,
      String tableName, Consumer<List<OutboxRecord>> onPublished) {
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.publisher = publisher;
    this.tableName = tableName;
    this.onPublished = onPublished;
  }

  /** Skips what the stream already holds: only changes made from now on are published. */
  public void startAtLatest() {
    streamArn = dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
    for (Shard shard : shards()) {
      List<Record> records;
      while (!(records = read(shard.shardId())).isEmpty()) {
        checkpoints.put(shard.shardId(), records.get(records.size() - 1).dynamodb().sequenceNumber());
      }
    }
  }

  /** Reads what is new on every shard and publishes it; returns how many events the bus took. */
  public int poll() {
    if (streamArn == null) {
      streamArn = dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
    }
    int published = 0;
    for (Shard shard : shards()) {
      String shardId = shard.shardId();
      List<Record> records = read(shardId);
      if (records.isEmpty()) {
        continue;
      }
      List<OutboxRecord> outbox = new ArrayList<>();
      for (Record record : records) {
        toOutboxRecord(record).ifPresent(outbox::add);
      }
      OutboxPublisher.Outcome outcome = publisher.publish(outbox);
      published += outcome.published().size();
      onPublished.accept(outcome.published());
      backlog.put(shardId, outcome.unsent().size());
      checkpoint(shardId, records, outcome.unsent().isEmpty() ? null : outcome.unsent().get(0).position());
    }
    return published;
  }

  /** Outbox records left unsent on the last poll (the bus unavailable); they are read again on the next. */
  public int backlog() {
    return backlog.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Advances past every record before the first unpublished one (or past all of them). */
  private void checkpoint(String shardId, List<Record> records, String firstUnpublished) {
    String last = checkpoints.get(shardId);
    for (Record record : records) {
      String sequence = record.dynamodb().sequenceNumber();
      if (sequence.equals(firstUnpublished)) {
        break;
      }
      last = sequence;
    }
    if (last != null) {
      checkpoints.put(shardId, last);
    }
  }

  private List<Record> read(String shardId) {
    String after = checkpoints.get(shardId);
    String iterator = streams.getShardIterator(r -> {
      r.streamArn(streamArn).shardId(shardId);
      if (after == null) {
        r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
      }
    }).shardIterator();
    return streams.getRecords(r -> r.shardIterator(iterator)).records();
  }

  private List<Shard> shards() {
    return streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
  }

  private static Optional<OutboxRecord> toOutboxRecord(Record record) {
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    String entityType = image == null || image.get("entity_type") == null ? null : image.get("entity_type").s();
    if (!OutboxRecord.isOutboxInsert(record.eventNameAsString(), entityType)) {
      return Optional.empty();
    }
    return Optional.of(new OutboxRecord(record.dynamodb().sequenceNumber(),
        record.dynamodb().approximateCreationDateTime(), OutboxRecord.tenantOfKey(text(image, "PK")),
        text(image, "event_id"), text(image, "source"), text(image, "detail_type"), text(image, "detail")));
  }

  private static String text(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.s();
  }
}
