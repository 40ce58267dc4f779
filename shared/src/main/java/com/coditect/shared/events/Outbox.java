package com.coditect.shared.events;

import com.coditect.shared.events.DomainEvent.ActorInfo;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.DomainEvent.RequestInfo;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.OutboxRepository;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dagger.Lazy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Adds a change's event to the change's own transaction as an outbox item, so the event exists
 * exactly when the change committed and the request path never calls {@code PutEvents}. Every
 * field change travels slimmed by {@link LongText}: a long text is its length and SHA-256, so an
 * event of any domain stays far below EventBridge's 256 KB.
 */
@Singleton
public final class Outbox {

  /**
   * Lazy: the outbox item's schema is built on the first event recorded, as before it had a
   * repository, not whenever a service (a read's, too) is built.
   */
  private final Lazy<OutboxRepository> items;
  private final Clock clock;
  private final EventSource source;

  @Inject
  public Outbox(Lazy<OutboxRepository> items, Clock clock, EventSource source) {
    this.items = items;
    this.clock = clock;
    this.source = source;
  }

  /**
   * Records {@code action} on a resource, with the field changes between its API views
   * {@code before} (null for a creation) and {@code after} (null for a hard delete).
   */
  public DomainEvent record(WriteTransaction tx, TenantId tenant, Actor actor, String action,
      String resourceType, String resourceId, Object before, Object after) {
    return record(tx, tenant, actor, action, resourceType, resourceId, Changes.between(before, after));
  }

  /** Records {@code action} with the given field changes; long values are slimmed here. */
  public DomainEvent record(WriteTransaction tx, TenantId tenant, Actor actor, String action,
      String resourceType, String resourceId, Map<String, FieldChange> changes) {
    DomainEvent event = new DomainEvent(
        Ids.newId(), tenant.value(), source.value(),
        new ActorInfo(actor.userId(), actor.ip(), actor.userAgent()),
        new RequestInfo(actor.method(), actor.path()),
        action, resourceType, resourceId, slimmed(changes), Timestamps.now(clock));
    String detail = JsonText.write(event);
    items.get().add(tx, tenant, event, detail, clock.instant().getEpochSecond());
    return event;
  }

  /**
   * Records {@code action} with the given field changes and, beside the usual envelope, the
   * top-level {@code detail} fields of {@code extra} (numbers, booleans, JSON trees and nulls as they are, anything
   * else as its string), for an event whose
   * consumers read plain values, e.g. a counter's total and the sequence that orders its events.
   */
  public DomainEvent recordWithDetail(WriteTransaction tx, TenantId tenant, Actor actor, String action,
      String resourceType, String resourceId, Map<String, FieldChange> changes, Map<String, Object> extra) {
    DomainEvent event = new DomainEvent(
        Ids.newId(), tenant.value(), source.value(),
        new ActorInfo(actor.userId(), actor.ip(), actor.userAgent()),
        new RequestInfo(actor.method(), actor.path()),
        action, resourceType, resourceId, slimmed(changes), Timestamps.now(clock));
    ObjectNode detail;
    try {
      detail = (ObjectNode) JsonText.parse(JsonText.write(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event written as JSON did not read back", e);
    }
    extra.forEach((name, value) -> {
      if (value instanceof Long number) {
        detail.put(name, number);
      } else if (value instanceof Integer number) {
        detail.put(name, number);
      } else if (value instanceof Boolean flag) {
        detail.put(name, flag);
      } else if (value instanceof JsonNode json) {
        // Structured values as they are (a workflow's context, a step's output): the recorder
        // bounds their size, as EventBridge takes at most 256 KB per event.
        detail.set(name, json.deepCopy());
      } else if (value == null) {
        detail.putNull(name);
      } else {
        detail.put(name, String.valueOf(value));
      }
    });
    items.get().add(tx, tenant, event, JsonText.write(detail), clock.instant().getEpochSecond());
    return event;
  }

  private static Map<String, FieldChange> slimmed(Map<String, FieldChange> changes) {
    Map<String, FieldChange> slim = new LinkedHashMap<>();
    changes.forEach((field, change) -> slim.put(field,
        new FieldChange(LongText.compact(change.oldValue()), LongText.compact(change.newValue()))));
    return slim;
  }
}
