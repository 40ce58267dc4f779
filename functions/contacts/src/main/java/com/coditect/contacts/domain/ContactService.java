package com.coditect.contacts.domain;

import com.coditect.contacts.api.ContactFilters;
import com.coditect.contacts.data.ContactDefaultItem;
import com.coditect.contacts.data.ContactItem;
import com.coditect.contacts.data.ContactRepository;
import com.coditect.contacts.data.DefaultIndexedRepository;
import com.coditect.contacts.data.OwnerRepository;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.json.Patch;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The rules the three kinds of contact share: who manages them ({@link ContactAccess}), the owner
 * checked in the contact's own transaction, and at most one default per owner and type, held by a
 * pointer item written at the version read in the same transaction as both contacts' flags (of
 * concurrent changes one commits, the others get 409 with nothing written). The first contact of
 * a type becomes the default. A subclass adds its kind's fields and, for phones, the owner's
 * {@code phone_number}.
 */
public abstract class ContactService<I extends ContactItem<I>, R> {

  protected final ContactRepository<I> contacts;
  protected final OwnerRepository owners;
  protected final Outbox outbox;
  protected final VersionedWriter writer;
  protected final Clock clock;
  protected final Resource<I, R> resource;
  private final String type;
  private final String notFound;

  protected ContactService(ContactRepository<I> contacts, OwnerRepository owners, Outbox outbox, VersionedWriter writer,
      Clock clock, Function<I, R> view, String type, String notFound) {
    this.contacts = contacts;
    this.owners = owners;
    this.outbox = outbox;
    this.writer = writer;
    this.clock = clock;
    this.resource = new Resource<>(contacts, view, I::id, type);
    this.type = type;
    this.notFound = notFound;
  }

  /** The event resource type: {@code address}, {@code phone_number}, {@code email_address}. */
  public String type() {
    return type;
  }

  /**
   * One owner's contacts: the caller's own when no owner is named, the tenant's for
   * {@code entity_type=tenant}; one Query. For owners and admins, {@code ?is_default=true} without
   * an owner (or with {@code entity_type=user} alone) lists the tenant's defaults of every owner
   * (addresses and phones: the defaults index).
   */
  public ResultPage<R> list(Caller caller, ContactFilters filters, PageRequest page) {
    if (caller.isAdmin() && filters.entityId().isEmpty() && filters.isDefault().orElse(false)
        && filters.entityType().filter(t -> t != EntityType.USER).isEmpty()
        && contacts instanceof DefaultIndexedRepository<I> defaults) {
      return defaults.listDefaults(caller.tenantId(), filters.entityType(), filters.type(), page).map(resource.view());
    }
    EntityType entityType = filters.entityType().orElse(EntityType.USER);
    String entityId = filters.entityId().orElse(switch (entityType) {
      case USER -> filters.entityType().isEmpty() ? caller.userId() : null;
      case TENANT -> caller.tenantId().value();
      case ORDER -> null;
    });
    if (entityId == null) {
      throw UnprocessableException.forField("entity_id", "is required with entity_type " + entityType.apiName());
    }
    ContactAccess.requireManage(caller, entityType, entityId);
    return contacts.listByOwner(caller.tenantId(), entityType, entityId, filters.type(), filters.isDefault(), page)
        .map(resource.view());
  }

  public Versioned<R> get(Caller caller, String id) {
    I contact = findManaged(caller, id);
    return new Versioned<>(resource.view().apply(contact), contact.version());
  }

  /**
   * Creates {@code contact} (built by the subclass, not yet default): reads the owner's pointer of
   * its type with the idempotency record (one call), then one transaction: the contact, the owner
   * check (or the owner's {@code phone_number}), the pointer and the previous default's flag when
   * this one becomes the default, {@code extra}'s parts, the event and the record.
   */
  protected Created<R> create(Caller caller, I contact, boolean wantsDefault, String location,
      Idempotency.Lookup idempotency, Consumer<WriteTransaction> extra) {
    TenantId tenant = caller.tenantId();
    ContactAccess.requireManage(caller, contact.entityType(), contact.entityId());
    ContactRepository.DefaultAndRecord read = contacts.findForCreate(tenant, contact.entityType(), contact.entityId(),
        contact.type(), idempotency.recordKey());
    IdempotencyClaim claim = idempotency.claim(read.record());
    Optional<ContactDefaultItem> pointer = read.pointer();
    // The first of its type is the default, whatever was asked: an owner with contacts of a type has one.
    boolean isDefault = wantsDefault || pointer.isEmpty();
    I created = contacts.indexed(tenant, contact.withIsDefault(isDefault));
    return writer.create(tenant, caller.actor(), resource, created, location, claim, tx -> {
      if (!syncOwner(tx, tenant, null, created, created.createdAt())) {
        owners.requireOwner(tx, tenant, created.entityType(), created.entityId(), this::ownerNotFound);
      }
      if (isDefault) {
        takeDefault(tx, tenant, caller.actor(), created, pointer, created.createdAt());
      }
      extra.accept(tx);
    });
  }

  /**
   * Changes a contact: {@code change} applies the kind's fields, {@code isDefault} (if sent) the
   * flag. Becoming the default reads the owner's pointer of the (new) type first; a default whose
   * type changes leaves its old type without a default.
   */
  protected Versioned<R> update(Caller caller, I contact, Optional<Long> ifMatch, Patch<Boolean> isDefault,
      UnaryOperator<I> change, ExtraParts<I> extra) {
    TenantId tenant = caller.tenantId();
    I changedFields = change.apply(contact);
    boolean typeChanges = !changedFields.type().equals(contact.type());
    boolean wantsDefault = isDefault.orElse(contact.isDefault() && !typeChanges);
    boolean becomesDefault = wantsDefault && (!contact.isDefault() || typeChanges);
    boolean stopsBeingDefault = contact.isDefault() && (!wantsDefault || typeChanges);
    Optional<ContactDefaultItem> pointer = becomesDefault
        ? contacts.findDefault(tenant, contact.entityType(), contact.entityId(), changedFields.type())
        : Optional.empty();
    return writer.update(tenant, caller.actor(), resource, contact, ifMatch, type + ".updated",
        c -> contacts.indexed(tenant, change.apply(c).withIsDefault(wantsDefault)),
        (changed, tx) -> {
          if (stopsBeingDefault) {
            contacts.clearDefault(tx, tenant, contact.entityType(), contact.entityId(), contact.type());
          }
          if (becomesDefault) {
            takeDefault(tx, tenant, caller.actor(), changed, pointer, changed.updatedAt());
          }
          syncOwner(tx, tenant, contact, changed, changed.updatedAt());
          extra.add(contact, changed, tx);
        });
  }

  /** Parts an update adds given the contact as read and as changed (a voided code, a moved unique value). */
  @FunctionalInterface
  protected interface ExtraParts<I> {
    void add(I before, I after, WriteTransaction tx);
  }

  /** A deleted contact is no one's default; its pending code goes with it. */
  public void delete(Caller caller, String id, Optional<Long> ifMatch) {
    I contact = findManaged(caller, id);
    delete(caller.tenantId(), caller.actor(), contact, ifMatch, true);
  }

  /**
   * Deletes one contact as {@code actor}; {@code syncOwner} false when the owner is going too (its
   * {@code phone_number} no longer matters, and the owner's item may be gone).
   */
  protected void delete(TenantId tenant, Actor actor, I contact, Optional<Long> ifMatch, boolean syncOwner) {
    writer.softDelete(tenant, actor, resource, contact, ifMatch, type + ".deleted",
        c -> contacts.indexed(tenant, c.withIsDefault(false)), tx -> {
          if (contact.isDefault()) {
            contacts.clearDefault(tx, tenant, contact.entityType(), contact.entityId(), contact.type());
          }
          contacts.deleteCode(tx, tenant, contact.id());
          if (syncOwner) {
            syncOwner(tx, tenant, contact, null, Timestamps.now(clock));
          }
          released(tx, tenant, contact);
        });
  }

  /** Removes every contact of this kind of a deleted owner (each with its event); returns how many. */
  public int removeAllOf(TenantId tenant, Actor actor, EntityType entityType, String entityId) {
    // One transaction per contact, at the version the query read: one changed meanwhile fails its
    // transaction, and the event's redelivery removes it then (removed ones are no longer listed).
    int removed = 0;
    for (I contact : contacts.listAllOfOwner(tenant, entityType, entityId)) {
      delete(tenant, actor, contact, Optional.empty(), false);
      removed++;
    }
    return removed;
  }

  /**
   * Adds what keeps the owner agreeing with its contacts ({@code before}: as read, null for a new
   * one; {@code after}: as written, null when deleted). Returns whether it wrote the owner's item,
   * which then also proves the owner exists.
   */
  protected boolean syncOwner(WriteTransaction tx, TenantId tenant, I before, I after, String now) {
    return false;
  }

  /** Adds the release of what the deleted contact held (a unique number or address). */
  protected abstract void released(WriteTransaction tx, TenantId tenant, I contact);

  protected I findManaged(Caller caller, String id) {
    return contacts.findLive(caller.tenantId(), id).filter(c -> ContactAccess.mayManage(caller, c))
        .orElseThrow(() -> new NotFoundException(notFound));
  }

  /**
   * The parts that make {@code contact} its owner's default of its type: the pointer, conditional
   * on what was read of it, and the previous default's flag cleared, with its own event.
   */
  private void takeDefault(WriteTransaction tx, TenantId tenant, Actor actor, I contact,
      Optional<ContactDefaultItem> pointer, String now) {
    contacts.pointDefaultAt(tx, tenant, contact, pointer, now, this::defaultChanged);
    pointer.map(ContactDefaultItem::contactId).filter(previous -> !previous.equals(contact.id())).ifPresent(previous -> {
      contacts.unsetDefault(tx, tenant, previous, now, this::defaultChanged);
      outbox.record(tx, tenant, actor, type + ".updated", type, previous, Map.of("is_default", new FieldChange(true, false)));
    });
  }

  protected NotFoundException ownerNotFound() {
    return new NotFoundException("The contact's owner (entity_type, entity_id) was not found.");
  }

  private ConflictException defaultChanged() {
    return new ConflictException("The default " + type.replace('_', ' ')
        + " of its owner was changed concurrently; fetch it again and retry.");
  }
}
