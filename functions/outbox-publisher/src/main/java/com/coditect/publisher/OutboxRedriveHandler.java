package com.coditect.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.OutboxRedrive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts parked events back on the bus ({@link OutboxRedrive}); no trigger, an operator invokes it
 * once the cause is gone ({@code scripts/redrive-events.sh}). Input (optional):
 * {@code {"max_events": 1000}}; output: {@code {"redriven", "still_parked", "still_parked_event_ids", "more"}}.
 * Invoking it again with {@code more} true continues with what this run did not look at.
 */
public final class OutboxRedriveHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Parked events looked at per invocation unless the input says otherwise: well inside the timeout. */
  static final int DEFAULT_MAX_EVENTS = 1000;

  private final OutboxRedrive redrive;

  public OutboxRedriveHandler() {
    this(DaggerOutboxPublisherComponent.factory().create(AppConfig.fromEnvironment()));
  }

  OutboxRedriveHandler(OutboxPublisherComponent component) {
    this.redrive = component.redrive();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    OutboxRedrive.Result result = redrive.redrive(maxEvents(input));
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("redriven", result.redriven().size());
    output.put("still_parked", result.stillParked().size());
    output.put("still_parked_event_ids", result.stillParked().stream().map(e -> e.eventId()).toList());
    output.put("more", result.more());
    return output;
  }

  private static int maxEvents(Map<String, Object> input) {
    Object max = input == null ? null : input.get("max_events");
    if (max == null) {
      return DEFAULT_MAX_EVENTS;
    }
    if (!(max instanceof Number number) || number.intValue() < 1) {
      throw new IllegalArgumentException("max_events must be a positive number");
    }
    return number.intValue();
  }
}
