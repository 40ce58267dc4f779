package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.coditect.shared.events.OutboxRecord;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Which stream records are outbox inserts, and what is read from their new image, for both readers. */
class OutboxStreamRecordsTest {

  private static final String TENANT = "0190a1b2-0000-7000-8000-000000000001";
  private static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void anOutboxInsertBecomesTheRecordThePublisherSendsWithTheTenantOfItsKey() {
    OutboxRecord expected = new OutboxRecord("42", WRITTEN, TENANT, "e-1", "coditect.pm", "task.created", "{}");
    Map<String, String> image = outboxImage("T#" + TENANT + "#OUTBOX#e-1");
    assertEquals(Optional.of(expected), OutboxStreamRecords.fromSdk(sdk("INSERT", image)));
    assertEquals(Optional.of(expected), OutboxStreamRecords.fromLambda(lambda("INSERT", image)));
  }

  @Test
  void onlyInsertsOfOutboxItemsAreOutboxRecords() {
    Map<String, String> team = outboxImage("T#" + TENANT + "#TEAM#t-1");
    team.put("entity_type", "TEAM");
    Map<String, String> parked = outboxImage("T#" + TENANT + "#PARKED_EVENT#e-1");
    parked.put("entity_type", "PARKED_EVENT");
    for (Map<String, String> image : new Map[] {team, parked}) {
      assertEquals(Optional.empty(), OutboxStreamRecords.fromSdk(sdk("INSERT", image)), image.toString());
      assertEquals(Optional.empty(), OutboxStreamRecords.fromLambda(lambda("INSERT", image)), image.toString());
    }
    Map<String, String> outbox = outboxImage("T#" + TENANT + "#OUTBOX#e-1");
    for (String eventName : new String[] {"MODIFY", "REMOVE"}) {
      assertEquals(Optional.empty(), OutboxStreamRecords.fromSdk(sdk(eventName, outbox)), eventName);
      assertEquals(Optional.empty(), OutboxStreamRecords.fromLambda(lambda(eventName, outbox)), eventName);
    }
  }

  @Test
  void aRecordWithoutANewImageIsNoOutboxRecord() {
    assertEquals(Optional.empty(), OutboxStreamRecords.fromSdk(sdk("REMOVE", null)));
    assertEquals(Optional.empty(), OutboxStreamRecords.fromLambda(lambda("REMOVE", null)));
  }

  @Test
  void theTenantIsReadOnlyFromAnOutboxKey() {
    assertEquals(TENANT, OutboxStreamRecords.tenantOfKey("T#" + TENANT + "#OUTBOX#e-1"));
    for (String notOutbox : new String[] {null, "", "T##OUTBOX#e-1", "T#" + TENANT + "#TEAM#t-1",
        "PLATFORM#" + TENANT + "#OUTBOX#e-1", "T#" + TENANT + "#OUTBOX#e-1#more", "T#" + TENANT + "#OUTBOX"}) {
      assertNull(OutboxStreamRecords.tenantOfKey(notOutbox), notOutbox);
    }
  }

  @Test
  void anOutboxInsertUnderAnotherKeyKeepsNoTenant() {
    Optional<OutboxRecord> record = OutboxStreamRecords.fromSdk(sdk("INSERT", outboxImage("PLATFORM#OUTBOX#e-1")));
    assertTrue(record.isPresent());
    assertNull(record.get().tenantId());
  }

  private static Map<String, String> outboxImage(String pk) {
    Map<String, String> image = new HashMap<>();
    image.put("PK", pk);
    image.put("SK", "OUTBOX");
    image.put("entity_type", "OUTBOX");
    image.put("event_id", "e-1");
    image.put("source", "coditect.pm");
    image.put("detail_type", "task.created");
    image.put("detail", "{}");
    return image;
  }

  private static Record sdk(String eventName, Map<String, String> image) {
    Map<String, AttributeValue> newImage = null;
    if (image != null) {
      newImage = new HashMap<>();
      for (Map.Entry<String, String> attribute : image.entrySet()) {
        newImage.put(attribute.getKey(), AttributeValue.fromS(attribute.getValue()));
      }
    }
    Map<String, AttributeValue> finalImage = newImage;
    return Record.builder().eventName(OperationType.fromValue(eventName))
        .dynamodb(d -> d.sequenceNumber("42").approximateCreationDateTime(WRITTEN).newImage(finalImage)).build();
  }

  private static DynamodbEvent.DynamodbStreamRecord lambda(String eventName, Map<String, String> image) {
    StreamRecord stream = new StreamRecord();
    stream.setSequenceNumber("42");
    stream.setApproximateCreationDateTime(Date.from(WRITTEN));
    if (image != null) {
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage =
          new HashMap<>();
      image.forEach((name, value) -> newImage.put(name,
          new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(value)));
      stream.setNewImage(newImage);
    }
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setDynamodb(stream);
    return record;
  }
}
