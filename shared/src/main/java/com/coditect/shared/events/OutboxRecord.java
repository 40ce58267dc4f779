package com.coditect.shared.events;

/**
 * An outbox item as read off the table's stream: what the publisher puts on the bus.
 *
 * @param position the stream record's sequence number (for partial-batch failure reports)
 */
public record OutboxRecord(String position, String eventId, String source, String detailType, String detail) {

  /** The stream filter in template.yaml, applied again here so local runs see the same records. */
  public static boolean isOutboxInsert(String eventName, String entityType) {
    return "INSERT".equals(eventName) && OutboxItem.ENTITY.equals(entityType);
  }
}
