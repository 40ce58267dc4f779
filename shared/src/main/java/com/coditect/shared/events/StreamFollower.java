package com.coditect.shared.events;

import com.coditect.shared.store.TableStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

  private final TableStream stream;
  private final OutboxPublisher publisher;
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
    this.stream = new TableStream(dynamoDb, streams, tableName);
    this.publisher = publisher;
    this.onPublished = onPublished;
  }

  /** Skips what the stream already holds: only changes made from now on are published. */
  public void startAtLatest() {
    streamArn = stream.latestArn();
    for (String shardId : stream.shardIds(streamArn)) {
      List<TableStream.Change> changes;
      while (!(changes = read(shardId)).isEmpty()) {
        checkpoints.put(shardId, changes.get(changes.size() - 1).sequenceNumber());
      }
    }
  }

  /** Reads what is new on every shard and publishes it; returns how many events the bus took. */
  public int poll() {
    if (streamArn == null) {
      streamArn = stream.latestArn();
    }
    int published = 0;
    for (String shardId : stream.shardIds(streamArn)) {
      List<TableStream.Change> changes = read(shardId);
      if (changes.isEmpty()) {
        continue;
      }
      List<OutboxRecord> outbox = new ArrayList<>();
      for (TableStream.Change change : changes) {
        if (change.outbox() != null) {
          outbox.add(change.outbox());
        }
      }
      OutboxPublisher.Outcome outcome = publisher.publish(outbox);
      published += outcome.published().size();
      onPublished.accept(outcome.published());
      backlog.put(shardId, outcome.unsent().size());
      checkpoint(shardId, changes, outcome.unsent().isEmpty() ? null : outcome.unsent().get(0).position());
    }
    return published;
  }

  /** Outbox records left unsent on the last poll (the bus unavailable); they are read again on the next. */
  public int backlog() {
    return backlog.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Advances past every record before the first unpublished one (or past all of them). */
  private void checkpoint(String shardId, List<TableStream.Change> changes, String firstUnpublished) {
    String last = checkpoints.get(shardId);
    for (TableStream.Change change : changes) {
      String sequence = change.sequenceNumber();
      if (sequence.equals(firstUnpublished)) {
        break;
      }
      last = sequence;
    }
    if (last != null) {
      checkpoints.put(shardId, last);
    }
  }

  private List<TableStream.Change> read(String shardId) {
    return stream.readAfter(streamArn, shardId, checkpoints.get(shardId));
  }
}
