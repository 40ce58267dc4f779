package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the three kinds of contact share in storage: reads by id and by owner, the default pointer
 * of an owner and type with the write parts that move it, and the contact's verification code. A
 * subclass per kind names its schema and places the contact in GSI2 (defaults for addresses and
 * phones, the e-mail index for e-mail addresses).
 */
public abstract class ContactRepository<I extends ContactItem<I>> extends ItemRepository<I> {

  private static final Expression NOT_DEFAULT = Expression.builder().expression("is_default = :no")
      .expressionValues(Map.of(":no", AttributeValue.fromBool(false))).build();
  private static final Expression ONLY_DEFAULT = Expression.builder().expression("is_default = :yes")
      .expressionValues(Map.of(":yes", AttributeValue.fromBool(true))).build();
  private static final Expression STILL_DEFAULT = Expression.builder()
      .expression("attribute_exists(PK) AND is_default = :yes AND attribute_not_exists(deleted_at)")
      .expressionValues(Map.of(":yes", AttributeValue.fromBool(true))).build();

  protected final ContactKind kind;
  private final TableSchema<I> schema;
  private final SingleTable single;
  // The pointer's and the code's table views (and their schemas) are built on first use, not with
  // the repository: a cold start's first request (a list, a read) needs neither.
  private DynamoDbTable<ContactDefaultItem> defaults;
  private DynamoDbTable<VerificationItem> verifications;
  protected final Queries queries;
  private final BatchGets reads;

  protected ContactRepository(SingleTable table, TableSchema<I> schema, ContactKind kind, Queries queries,
      BatchGets reads) {
    super(table, schema);
    this.kind = kind;
    this.schema = schema;
    this.single = table;
    this.queries = queries;
    this.reads = reads;
  }

  private synchronized DynamoDbTable<ContactDefaultItem> defaults() {
    if (defaults == null) {
      defaults = single.view(ContactDefaultItem.SCHEMA);
    }
    return defaults;
  }

  private synchronized DynamoDbTable<VerificationItem> verifications() {
    if (verifications == null) {
      verifications = single.view(VerificationItem.SCHEMA);
    }
    return verifications;
  }

  /** An owner's default pointer of one type (if any) and the idempotency record of a create (if asked). */
  public record DefaultAndRecord(Optional<ContactDefaultItem> pointer, IdempotencyItem record) {}

  /** A live contact (if any) and its pending verification code (if any). */
  public record ContactAndCode<I>(Optional<I> contact, Optional<VerificationItem> code) {}

  /** This item with the keys of its GSI2 (defaults, or the e-mail index); without, once deleted. */
  protected abstract I withIndex2(TenantId tenant, I contact);

  /** A live contact: one GetItem. */
  public Optional<I> findLive(TenantId tenant, String id) {
    return Optional.ofNullable(table.getItem(r -> r.key(ContactKeys.contact(tenant, kind, id)).consistentRead(true)))
        .filter(c -> !c.isDeleted());
  }

  /** The owner's default pointer of {@code type}: one strongly consistent GetItem. */
  public Optional<ContactDefaultItem> findDefault(TenantId tenant, EntityType entityType, String entityId,
      String type) {
    return Optional.ofNullable(defaults().getItem(r -> r.key(ContactKeys.defaultPointer(tenant, kind, entityType,
        entityId, type)).consistentRead(true)));
  }

  /**
   * What a create reads: the owner's default pointer of the new contact's type (to take it, or to
   * know this is the first), with the request's idempotency record when it has a key: one call.
   */
  public DefaultAndRecord findForCreate(TenantId tenant, EntityType entityType, String entityId, String type,
      Optional<Key> recordKey) {
    Key pointerKey = ContactKeys.defaultPointer(tenant, kind, entityType, entityId, type);
    List<Key> wanted = new ArrayList<>(List.of(pointerKey));
    recordKey.ifPresent(wanted::add);
    BatchGets.Found found = reads.get(wanted);
    return new DefaultAndRecord(found.item(pointerKey, ContactDefaultItem.SCHEMA),
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }

  /** A live contact and its verification code, in one BatchGetItem (they share a partition). */
  public ContactAndCode<I> findLiveWithCode(TenantId tenant, String id) {
    Key contactKey = ContactKeys.contact(tenant, kind, id);
    Key codeKey = ContactKeys.verification(tenant, kind, id);
    BatchGets.Found found = reads.get(List.of(contactKey, codeKey));
    return new ContactAndCode<>(found.item(contactKey, schema).filter(c -> !c.isDeleted()),
        found.item(codeKey, VerificationItem.SCHEMA));
  }

  /**
   * The owner's live contacts of this kind, by type then age, of one type or all, all or only the
   * default(s) or only the others: one Query on GSI1 (an owner has few contacts; the flag is a filter).
   */
  public ResultPage<I> listByOwner(TenantId tenant, EntityType entityType, String entityId, Optional<String> type,
      Optional<Boolean> isDefault, PageRequest page) {
    String partition = ContactKeys.ofEntity(tenant, kind, entityType, entityId);
    QueryConditional condition = type
        .map(t -> QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition).sortValue(t + "#").build()))
        .orElseGet(() -> QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()));
    Expression filter = isDefault.map(yes -> yes ? ONLY_DEFAULT : NOT_DEFAULT).orElse(null);
    String scope = partition + "|" + type.orElse("") + "|" + isDefault.map(String::valueOf).orElse("");
    return queries.page(table, ItemMeta.GSI1, condition, filter, page, scope, false);
  }

  /** Every live contact of this kind of one owner, all pages (for removing them with their owner). */
  public List<I> listAllOfOwner(TenantId tenant, EntityType entityType, String entityId) {
    String partition = ContactKeys.ofEntity(tenant, kind, entityType, entityId);
    List<I> all = new ArrayList<>();
    table.index(ItemMeta.GSI1).query(r -> r.queryConditional(QueryConditional.keyEqualTo(
        Key.builder().partitionValue(partition).build()))).forEach(page -> all.addAll(page.items()));
    return all;
  }

  /**
   * Names {@code contactId} the owner's default of its type: a new pointer ({@code current} empty:
   * fails with {@code onLost} if another was written meanwhile) or the pointer read, conditional
   * on its version.
   */
  public void pointDefaultAt(WriteTransaction tx, TenantId tenant, I contact, Optional<ContactDefaultItem> current,
      String now, Supplier<? extends RuntimeException> onLost) {
    if (current.isEmpty()) {
      Key key = ContactKeys.defaultPointer(tenant, kind, contact.entityType(), contact.entityId(), contact.type());
      tx.create(defaults(), ContactDefaultItem.builder().meta(ItemMeta.created(key, ContactDefaultItem.ENTITY, now))
          .contactId(contact.id()).build(), onLost);
    } else {
      ContactDefaultItem read = current.get();
      tx.replace(defaults(), read.withContactId(contact.id()).nextVersion(now), read.version(), onLost);
    }
  }

  /**
   * Removes the owner's pointer of {@code type} (no default any more). Not conditional itself: the
   * transaction also rewrites the default contact conditionally on the version read, and every
   * change of the pointer rewrites that contact, so a concurrent change fails it there.
   */
  public void clearDefault(WriteTransaction tx, TenantId tenant, EntityType entityType, String entityId, String type) {
    tx.delete(ContactKeys.defaultPointer(tenant, kind, entityType, entityId, type));
  }

  /**
   * The contact that was the default stops being it, without reading it first: its flag, its
   * version and {@code updated_at} (and its place in the defaults index, for kinds that have one),
   * conditional on its still being the live default (else {@code onLost}).
   */
  public void unsetDefault(WriteTransaction tx, TenantId tenant, String contactId, String now,
      Supplier<? extends RuntimeException> onLost) {
    String remove = hasDefaultsIndex() ? " REMOVE GSI2PK, GSI2SK" : "";
    tx.update(ContactKeys.contact(tenant, kind, contactId),
        "SET is_default = :no, version = version + :one, updated_at = :now" + remove,
        Map.of(":no", AttributeValue.fromBool(false), ":one", AttributeValue.fromN("1"), ":now", AttributeValue.fromS(now)),
        STILL_DEFAULT, onLost);
  }

  /** Whether GSI2 lists this kind's defaults (addresses, phones) rather than something else (e-mails). */
  protected abstract boolean hasDefaultsIndex();

  /** Writes the contact's verification code: a new item, or the one read at its version. */
  public void saveCode(WriteTransaction tx, VerificationItem code, Optional<VerificationItem> read,
      Supplier<? extends RuntimeException> onStale) {
    if (read.isEmpty()) {
      tx.create(verifications(), code, onStale);
    } else {
      tx.replace(verifications(), code, read.get().version(), onStale);
    }
  }

  /** Removes the used code, conditional on the version read (a code works once). */
  public void deleteCodeAt(WriteTransaction tx, VerificationItem read, Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(Key.builder().partitionValue(read.meta().pk()).sortValue(read.meta().sk()).build(), read.version(),
        onStale);
  }

  /** Removes the contact's code (used, or voided by a change of the contact), whatever its state. */
  public void deleteCode(WriteTransaction tx, TenantId tenant, String contactId) {
    tx.delete(ContactKeys.verification(tenant, kind, contactId));
  }

  /** The key of a new code item of this contact. */
  public ItemMeta newCodeMeta(TenantId tenant, String contactId, String now) {
    return ItemMeta.created(ContactKeys.verification(tenant, kind, contactId), VerificationItem.ENTITY, now);
  }

  /** The common attributes of a new contact of the tenant. */
  public ItemMeta newMeta(TenantId tenant, String id, String now) {
    return ItemMeta.created(ContactKeys.contact(tenant, kind, id), kind.entity(), now);
  }

  /** {@code contact} with the keys that list it under its owner (GSI1) and in GSI2; none once deleted. */
  public I indexed(TenantId tenant, I contact) {
    if (contact.isDeleted()) {
      return contact.withIndex1(null, null).withIndex2(null, null);
    }
    I listed = contact.withIndex1(ContactKeys.ofEntity(tenant, kind, contact.entityType(), contact.entityId()),
        ContactKeys.entitySort(contact.type(), contact.id()));
    return withIndex2(tenant, listed);
  }
}
