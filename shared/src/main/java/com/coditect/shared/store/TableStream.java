package com.coditect.shared.store;

import com.coditect.shared.events.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's stream read with the Streams API, where no Lambda trigger reads it (moto, the local
 * runtime): its shards and, per shard, the records after a sequence number, each with its outbox
 * record if it is an outbox insert ({@link OutboxStreamRecords}).
 */
public final class TableStream {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final String tableName;

  public TableStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String tableName) {
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.tableName = tableName;
  }

  /** The ARN of the table's latest stream: one {@code DescribeTable}. */
  public String latestArn() {
    return dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
  }

  /** The ids of the stream's shards: one {@code DescribeStream}. */
  public List<String> shardIds(String streamArn) {
    List<String> ids = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      ids.add(shard.shardId());
    }
    return ids;
  }

  /**
   * The records of a shard after sequence number {@code after} (null: from the shard's start), as
   * one {@code GetRecords} returns them: one {@code GetShardIterator} and one {@code GetRecords}.
   */
  public List<Change> readAfter(String streamArn, String shardId, String after) {
    String iterator = streams.getShardIterator(r -> {
      r.streamArn(streamArn).shardId(shardId);
      if (after == null) {
        r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
      }
    }).shardIterator();
    List<Change> changes = new ArrayList<>();
    for (Record record : streams.getRecords(r -> r.shardIterator(iterator)).records()) {
      changes.add(new Change(record.dynamodb().sequenceNumber(), OutboxStreamRecords.fromSdk(record).orElse(null)));
    }
    return changes;
  }

  /**
   * One record of the stream.
   *
   * @param sequenceNumber where it sits in its shard (to read on after it)
   * @param outbox its outbox record; null unless it is an outbox insert
   */
  public record Change(String sequenceNumber, OutboxRecord outbox) {}
}
