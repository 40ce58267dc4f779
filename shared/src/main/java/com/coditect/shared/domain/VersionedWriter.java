package com.coditect.shared.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The one shape of a versioned update: check {@code If-Match}, apply the change, bump the version,
 * write conditionally on the version read, and emit the event, all in one transaction.
 */
@Singleton
public final class VersionedWriter {

  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public VersionedWriter(Transactions transactions, Outbox outbox, Clock clock) {
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Creates {@code item} (stamped, never written): the item, the parts {@code extra} adds
   * (sentinels, reference checks), the {@code <type>.created} event and the idempotency record, in
   * one transaction.
   */
  public <I extends TableItem, R> Created<R> create(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      String location, IdempotencyClaim claim, Consumer<WriteTransaction> extra) {
    R view = resource.view().apply(item);
    String id = resource.id().apply(item);
    WriteTransaction tx = transactions.begin();
    resource.repository().create(tx, item, () -> new IllegalStateException(resource.type() + " id collision"));
    extra.accept(tx);
    outbox.record(tx, tenant, actor, resource.type() + ".created", resource.type(), id, null, view);
    Created<R> created = new Created<>(location, view, item.version);
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * Updates {@code item} (just read). A change that changes nothing writes and emits nothing.
   *
   * @param change mutates the item in memory
   * @param extra adds parts to the same transaction given the item's old and new views (sentinels,
   *     reference checks); it runs only when something changed
   */
  public <I extends TableItem, R> Versioned<R> update(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      Optional<Long> ifMatch, String action, Consumer<I> change, BiConsumer<R, WriteTransaction> extra) {
    Preconditions.checkIfMatch(ifMatch, item.version);
    long readVersion = item.version;
    R before = resource.view().apply(item);
    change.accept(item);
    if (resource.view().apply(item).equals(before)) {
      return new Versioned<>(before, readVersion);
    }
    item.version = readVersion + 1;
    item.updatedAt = Timestamps.now(clock);
    R after = resource.view().apply(item);
    WriteTransaction tx = transactions.begin();
    resource.repository().replace(tx, item, readVersion, Preconditions.stale(ifMatch.isPresent()));
    extra.accept(before, tx);
    outbox.record(tx, tenant, actor, action, resource.type(), resource.id().apply(item), before, after);
    tx.commit();
    return new Versioned<>(after, item.version);
  }

  public <I extends TableItem, R> Versioned<R> update(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      Optional<Long> ifMatch, String action, Consumer<I> change) {
    return update(tenant, actor, resource, item, ifMatch, action, change, (before, tx) -> { });
  }

  /**
   * Soft-deletes {@code item} (just read): sets {@code deleted_at}, applies {@code change} (which
   * moves the item to its deleted lists), and writes conditionally on the version read, with an
   * event whose changes include {@code deleted_at}.
   *
   * @param extra adds parts to the same transaction (e.g. releasing a unique name)
   */
  public <I extends TableItem, R> void softDelete(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      Optional<Long> ifMatch, String action, Consumer<I> change, Consumer<WriteTransaction> extra) {
    Preconditions.checkIfMatch(ifMatch, item.version);
    long readVersion = item.version;
    R before = resource.view().apply(item);
    String now = Timestamps.now(clock);
    item.deletedAt = now;
    item.updatedAt = now;
    item.version = readVersion + 1;
    change.accept(item);
    WriteTransaction tx = transactions.begin();
    resource.repository().replace(tx, item, readVersion, Preconditions.stale(ifMatch.isPresent()));
    extra.accept(tx);
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(before, resource.view().apply(item)));
    changes.put("deleted_at", new FieldChange(null, now));
    outbox.record(tx, tenant, actor, action, resource.type(), resource.id().apply(item), changes);
    tx.commit();
  }
}
