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
    String detailType, String detail) {}
