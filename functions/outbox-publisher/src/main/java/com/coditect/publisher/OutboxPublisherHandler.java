package com.coditect.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.store.OutboxStreamRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * The table-stream trigger: puts each outbox item on the bus ({@link OutboxPublisher}). What the
 * bus refuses for good is parked in full; the first record left unsent (the bus unavailable) is
 * reported as a batch item failure, so Lambda retries from it and nothing is acknowledged before
 * it is on the bus or parked.
 */
public final class OutboxPublisherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private final OutboxPublisher publisher;

  public OutboxPublisherHandler() {
    this(DaggerOutboxPublisherComponent.factory().create(AppConfig.fromEnvironment()));
  }

  OutboxPublisherHandler(OutboxPublisherComponent component) {
    this.publisher = component.publisher();
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<OutboxRecord> records = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      // The event source mapping filters too; checking again keeps a misconfigured filter harmless.
      OutboxStreamRecords.fromLambda(record).ifPresent(records::add);
    }
    OutboxPublisher.Outcome outcome = publisher.publish(records);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (!outcome.unsent().isEmpty()) {
      failures.add(new StreamsEventResponse.BatchItemFailure(outcome.unsent().get(0).position()));
    }
    return new StreamsEventResponse(failures);
  }
}
