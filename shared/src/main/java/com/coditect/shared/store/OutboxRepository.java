package com.coditect.shared.store;

import com.coditect.shared.events.DomainEvent;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The outbox items ({@link OutboxItem}): each event rides in its change's own transaction. */
@Singleton
public final class OutboxRepository extends ItemRepository<OutboxItem> {

  @Inject
  public OutboxRepository(SingleTable table) {
    super(table, OutboxItem.SCHEMA);
  }

  /**
   * Adds {@code event}'s outbox item, its detail {@code detailJson} as it will travel, to
   * {@code tx}: a new item, since an event id is never reused, kept a day from {@code nowEpochSeconds}.
   */
  public void add(WriteTransaction tx, TenantId tenant, DomainEvent event, String detailJson, long nowEpochSeconds) {
    create(tx, OutboxItem.of(tenant, event, detailJson, nowEpochSeconds), null);
  }
}
