package com.coditect.shared.events;

import java.time.Instant;

/**
 * An outbox item as read off the table's stream (or a parked event read back for a redrive): what
 * the publisher puts on the bus.
 *
 * @param position the stream record's sequence number (for partial-batch failure reports); null
 *     for a parked event
 * @param createdAt when the stream record was written (its {@code ApproximateCreationDateTime}),
 *     which tells how soon it leaves the stream; null when unknown
 * @param tenantId the tenant whose key space holds the item (a parked copy stays in it); null if
 *     the item's key is not an outbox key
 */
public record OutboxRecord(String position, Instant createdAt, String tenantId, String eventId, String source,
    String detailType, String detail) {

  /** The stream filter in template.yaml, applied again here so local runs see the same records. */
  public static boolean isOutboxInsert(String eventName, String entityType) {
    return "INSERT".equals(eventName) && OutboxItem.ENTITY.equals(entityType);
  }

  /**
   * The tenant of an outbox item's {@code PK} ({@code T#<tenant>#OUTBOX#<event_id>}, see
   * {@link OutboxItem}), or null if it is not one. Read here rather than through OutboxItem: the
   * publisher's jar has no Enhanced client, which loading an item class would need.
   */
  public static String tenantOfKey(String pk) {
    String[] segments = pk == null ? new String[0] : pk.split("#", -1);
    if (segments.length != 4 || !segments[0].equals("T") || !segments[2].equals(OutboxItem.ENTITY)
        || segments[1].isEmpty()) {
      return null;
    }
    return segments[1];
  }
}
