package com.coditect.shared.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays the Lambda stream trigger where there is none (moto, the local runtime): reads the table's
 * stream, keeps outbox inserts only (the template's filter) and hands them to the same
 * {@link OutboxPublisher} the Lambda uses. A shard's position advances only past records the bus
 * accepted; the rest are retried on the next poll.
 */
public final class StreamFollower {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final OutboxPublisher publisher;
  private final String tableName;
  private final Map<String, String> iterators = new HashMap<>();
  private final Map<String, List<OutboxRecord>> pending = new HashMap<>();
  private String streamArn;

  public StreamFollower(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, OutboxPublisher publisher,
      String tableName) {
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.publisher = publisher;
    this.tableName = tableName;
  }

  /** Starts at the stream's current end: only changes made from now on are published. */
  public void startAtLatest() {
    streamArn = dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      iterators.put(shard.shardId(), streams.getShardIterator(r -> r.streamArn(streamArn)
          .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
    }
  }

  /** Reads what is new on every shard and publishes it; returns how many events were published. */
  public int poll() {
    if (streamArn == null) {
      startAtLatest();
    }
    discoverNewShards();
    int published = 0;
    for (String shardId : List.copyOf(iterators.keySet())) {
      List<OutboxRecord> waiting = pending.computeIfAbsent(shardId, id -> new ArrayList<>());
      if (waiting.isEmpty()) {
        String iterator = iterators.get(shardId);
        if (iterator == null) {
          continue;
        }
        GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(iterator));
        iterators.put(shardId, response.nextShardIterator());
        for (Record record : response.records()) {
          toOutboxRecord(record).ifPresent(waiting::add);
        }
      }
      List<OutboxRecord> failed = publisher.publish(waiting);
      published += waiting.size() - failed.size();
      pending.put(shardId, new ArrayList<>(failed));
    }
    return published;
  }

  /** Records still waiting for the bus. */
  public int backlog() {
    return pending.values().stream().mapToInt(List::size).sum();
  }

  private void discoverNewShards() {
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r.streamArn(streamArn)
          .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
    }
  }

  private static java.util.Optional<OutboxRecord> toOutboxRecord(Record record) {
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    String entityType = image == null || image.get("entity_type") == null ? null : image.get("entity_type").s();
    if (!OutboxRecord.isOutboxInsert(record.eventNameAsString(), entityType)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new OutboxRecord(record.dynamodb().sequenceNumber(), image.get("event_id").s(),
        image.get("source").s(), image.get("detail_type").s(), image.get("detail").s()));
  }
}
