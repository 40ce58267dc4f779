package com.coditect.shared.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A committed change, as it travels on the bus (the EventBridge {@code detail}). {@code source} is
 * {@code coditect.<domain>} and {@code action} (the {@code detail-type}) is like {@code task.updated}.
 */
public record DomainEvent(
    String eventId,
    String tenantId,
    String source,
    ActorInfo actor,
    RequestInfo request,
    String action,
    String resourceType,
    String resourceId,
    Map<String, FieldChange> changes,
    String occurredAt) {

  /** The user and client behind the change. */
  public record ActorInfo(String userId, String ip, String userAgent) {}

  /** The HTTP request that made the change, when there was one. */
  public record RequestInfo(String method, String path) {}

  /** One field's value before and after the change (null when absent). */
  public record FieldChange(@JsonProperty("old") Object oldValue, @JsonProperty("new") Object newValue) {}
}
