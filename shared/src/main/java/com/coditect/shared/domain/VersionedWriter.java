package com.coditect.shared.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.StoredItem;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
  public <I extends StoredItem<I>, R> Created<R> create(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      String location, IdempotencyClaim claim, Consumer<WriteTransaction> extra) {
    return create(tenant, actor, resource, item, location, claim, extra,
        () -> new IllegalStateException(resource.type() + " id collision"));
  }

  /**
   * As above, for an item whose key is a value the caller chose (a code, not a fresh id): a taken
   * key fails with {@code onExists}, a 409 naming that value.
   */
  public <I extends StoredItem<I>, R> Created<R> create(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      String location, IdempotencyClaim claim, Consumer<WriteTransaction> extra,
      Supplier<? extends RuntimeException> onExists) {
    R view = resource.view().apply(item);
    String id = resource.id().apply(item);
    WriteTransaction tx = transactions.begin();
    resource.repository().create(tx, item, onExists);
    extra.accept(tx);
    outbox.record(tx, tenant, actor, resource.type() + ".created", resource.type(), id, null, view);
    Created<R> created = new Created<>(location, view, item.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * Updates {@code item} (just read) to what {@code change} makes of it. A change that changes
   * nothing writes and emits nothing.
   *
   * @param change returns the changed copy of the item (its index keys set; version and
   *     {@code updated_at} are this method's)
   * @param extra adds parts to the same transaction given the changed item (sentinels, reference
   *     checks; the item as read is still {@code item}); it runs only when something changed
   */
  public <I extends StoredItem<I>, R> Versioned<R> update(TenantId tenant, Actor actor, Resource<I, R> resource,
      I item, Optional<Long> ifMatch, String action, UnaryOperator<I> change, BiConsumer<I, WriteTransaction> extra) {
    Preconditions.checkIfMatch(ifMatch, item.version());
    long readVersion = item.version();
    R before = resource.view().apply(item);
    I changed = change.apply(item);
    if (resource.view().apply(changed).equals(before)) {
      return new Versioned<>(before, readVersion);
    }
    changed = changed.nextVersion(Timestamps.now(clock));
    R after = resource.view().apply(changed);
    WriteTransaction tx = transactions.begin();
    resource.repository().replace(tx, changed, readVersion, Preconditions.stale(ifMatch.isPresent()));
    extra.accept(changed, tx);
    outbox.record(tx, tenant, actor, action, resource.type(), resource.id().apply(changed), before, after);
    tx.commit();
    return new Versioned<>(after, changed.version());
  }

  public <I extends StoredItem<I>, R> Versioned<R> update(TenantId tenant, Actor actor, Resource<I, R> resource,
      I item, Optional<Long> ifMatch, String action, UnaryOperator<I> change) {
    return update(tenant, actor, resource, item, ifMatch, action, change, (changed, tx) -> { });
  }

  /**
   * Soft-deletes {@code item} (just read): sets {@code deleted_at}, applies {@code change} (which
   * moves the item to its deleted lists), and writes conditionally on the version read, with an
   * event whose changes include {@code deleted_at}.
   *
   * @param change returns the deleted copy with its index keys moved
   * @param extra adds parts to the same transaction (e.g. releasing a unique name)
   */
  public <I extends StoredItem<I>, R> void softDelete(TenantId tenant, Actor actor, Resource<I, R> resource, I item,
      Optional<Long> ifMatch, String action, UnaryOperator<I> change, Consumer<WriteTransaction> extra) {
    Preconditions.checkIfMatch(ifMatch, item.version());
    long readVersion = item.version();
    R before = resource.view().apply(item);
    String now = Timestamps.now(clock);
    I deleted = change.apply(item.softDeleted(now));
    WriteTransaction tx = transactions.begin();
    resource.repository().replace(tx, deleted, readVersion, Preconditions.stale(ifMatch.isPresent()));
    extra.accept(tx);
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(before, resource.view().apply(deleted)));
    changes.put("deleted_at", new FieldChange(null, now));
    outbox.record(tx, tenant, actor, action, resource.type(), resource.id().apply(deleted), changes);
    tx.commit();
  }
}
