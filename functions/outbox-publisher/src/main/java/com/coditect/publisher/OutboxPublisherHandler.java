package com.coditect.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table-stream trigger: puts each outbox item on the bus. Records the bus did not take are
 * reported as batch item failures, so Lambda retries from the first of them (bisecting, then the
 * DLQ); nothing is acknowledged before EventBridge accepted it.
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
      Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
      String entityType = image == null || image.get("entity_type") == null ? null : image.get("entity_type").getS();
      // The event source mapping filters too; checking again keeps a misconfigured filter harmless.
      if (OutboxRecord.isOutboxInsert(record.getEventName(), entityType)) {
        records.add(new OutboxRecord(record.getDynamodb().getSequenceNumber(), image.get("event_id").getS(),
            image.get("source").getS(), image.get("detail_type").getS(), image.get("detail").getS()));
      }
    }
    List<OutboxRecord> failed = publisher.publish(records);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (!failed.isEmpty()) {
      failures.add(new StreamsEventResponse.BatchItemFailure(failed.get(0).position()));
    }
    return new StreamsEventResponse(failures);
  }
}
