package com.coditect.shared.events;

import com.coditect.shared.json.JsonTrees;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A domain event as an EventBridge rule hands it to a function: the envelope's {@code source} and
 * {@code detail-type}, and the {@code detail} the outbox wrote.
 */
public record BusEvent(String source, String detailType, JsonNode detail) {

  /**
   * Runs {@code work} on the delivered envelope with the event's id and tenant on every log line
   * it writes, and takes them off afterwards (a warm Lambda instance serves the next event).
   */
  public static void consume(Map<String, Object> envelope, Consumer<BusEvent> work) {
    JsonNode event = JsonTrees.of(envelope);
    BusEvent delivered = new BusEvent(event.path("source").asText(), event.path("detail-type").asText(),
        event.path("detail"));
    Log.setContext(delivered.detail.path("event_id").asText(null), delivered.detail.path("tenant_id").asText(null));
    try {
      work.accept(delivered);
    } finally {
      Log.clearContext();
    }
  }
}
