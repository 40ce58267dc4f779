package com.coditect.billing.data;

import com.coditect.billing.model.AddressType;
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
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads billing addresses by the access patterns of docs/access-patterns.md, and the write parts of
 * the tenant's one default: its pointer item and the flag of the address that stops being it.
 */
@Singleton
public final class BillingAddressRepository extends ItemRepository<BillingAddressItem> {

  private static final Expression NOT_DEFAULT = Expression.builder().expression("is_default = :no")
      .expressionValues(Map.of(":no", AttributeValue.fromBool(false))).build();
  private static final Expression STILL_DEFAULT = Expression.builder()
      .expression("attribute_exists(PK) AND is_default = :yes AND attribute_not_exists(deleted_at)")
      .expressionValues(Map.of(":yes", AttributeValue.fromBool(true))).build();

  private final DynamoDbTable<BillingDefaultItem> defaults;
  private final Queries queries;
  private final BatchGets reads;

  @Inject
  public BillingAddressRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, BillingAddressItem.SCHEMA);
    this.defaults = table.view(BillingDefaultItem.SCHEMA);
    this.queries = queries;
    this.reads = reads;
  }

  /** A live address (if any) and the tenant's default pointer (if any). */
  public record AddressAndDefault(Optional<BillingAddressItem> address, Optional<BillingDefaultItem> pointer) {}

  /** The tenant's default pointer (if any) and the idempotency record at {@code recordKey} (if any). */
  public record DefaultAndRecord(Optional<BillingDefaultItem> pointer, IdempotencyItem record) {}

  /**
   * A live address with the tenant's default pointer, for a change that makes it the default: one
   * strongly consistent BatchGetItem, so the transaction is conditional on the versions read.
   */
  public AddressAndDefault findLiveWithDefault(TenantId tenant, String addressId) {
    Key addressKey = BillingKeys.billingAddress(tenant, addressId);
    Key pointerKey = BillingKeys.billingDefault(tenant);
    BatchGets.Found found = reads.get(List.of(addressKey, pointerKey));
    return new AddressAndDefault(found.item(addressKey, BillingAddressItem.SCHEMA).filter(a -> !a.isDeleted()),
        found.item(pointerKey, BillingDefaultItem.SCHEMA));
  }

  /**
   * What a create reads: the default pointer when the new address is to be the default, and the
   * request's idempotency record when it has a key; one GetItem or BatchGetItem, none when neither.
   */
  public DefaultAndRecord findForCreate(TenantId tenant, boolean wantsDefault, Optional<Key> recordKey) {
    Key pointerKey = BillingKeys.billingDefault(tenant);
    List<Key> wanted = new ArrayList<>();
    if (wantsDefault) {
      wanted.add(pointerKey);
    }
    recordKey.ifPresent(wanted::add);
    if (wanted.isEmpty()) {
      return new DefaultAndRecord(Optional.empty(), null);
    }
    BatchGets.Found found = reads.get(wanted);
    return new DefaultAndRecord(wantsDefault ? found.item(pointerKey, BillingDefaultItem.SCHEMA) : Optional.empty(),
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }

  /** A live address: one GetItem. */
  public Optional<BillingAddressItem> findLive(TenantId tenant, String addressId) {
    return Optional.ofNullable(table.getItem(BillingKeys.billingAddress(tenant, addressId))).filter(a -> !a.isDeleted());
  }

  /** The tenant's live addresses, oldest first, of one type or all: one Query on GSI1. */
  public ResultPage<BillingAddressItem> listByTenant(TenantId tenant, Optional<AddressType> type,
      Optional<Boolean> isDefault, PageRequest page) {
    String partition = BillingKeys.billingAddresses(tenant, false);
    QueryConditional condition = type
        .map(t -> QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition)
            .sortValue(BillingKeys.billingAddressTypePrefix(t)).build()))
        .orElseGet(() -> QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()));
    // Only "not the default" reaches here as a filter: the default alone is read from GSI2.
    Expression filter = isDefault.filter(Boolean.FALSE::equals).map(no -> NOT_DEFAULT).orElse(null);
    String scope = partition + "|" + type.map(AddressType::apiName).orElse("") + "|" + isDefault.map(String::valueOf).orElse("");
    return queries.page(table, ItemMeta.GSI1, condition, filter, page, scope, false);
  }

  /** The tenant's default address (of one type, or any) as a list of at most one: one Query on the sparse GSI2. */
  public ResultPage<BillingAddressItem> listDefault(TenantId tenant, Optional<AddressType> type, PageRequest page) {
    String partition = BillingKeys.defaultBillingAddress(tenant);
    Expression filter = type.map(t -> Expression.builder().expression("address_type = :type")
        .expressionValues(Map.of(":type", AttributeValue.fromS(t.apiName()))).build()).orElse(null);
    return queries.page(table, ItemMeta.GSI2, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, partition + "|" + type.map(AddressType::apiName).orElse(""), false);
  }

  /**
   * Names {@code addressId} the tenant's default: a new pointer ({@code current} empty: fails with
   * {@code onLost} if another one was written meanwhile) or the pointer read, conditional on its
   * version.
   */
  public void pointDefaultAt(WriteTransaction tx, TenantId tenant, String addressId, Optional<BillingDefaultItem> current,
      String now, Supplier<? extends RuntimeException> onLost) {
    if (current.isEmpty()) {
      BillingDefaultItem pointer = BillingDefaultItem.builder()
          .meta(ItemMeta.created(BillingKeys.billingDefault(tenant), BillingDefaultItem.ENTITY, now))
          .addressId(addressId)
          .build();
      tx.create(defaults, pointer, onLost);
    } else {
      BillingDefaultItem read = current.get();
      tx.replace(defaults, read.withAddressId(addressId).nextVersion(now), read.version(), onLost);
    }
  }

  /**
   * Removes the pointer (the tenant has no default any more). It is not conditional itself: the
   * transaction also rewrites the default address conditionally on the version read, and every
   * change of the pointer rewrites that address, so a concurrent change fails the transaction there.
   */
  public void clearDefault(WriteTransaction tx, TenantId tenant) {
    tx.delete(BillingKeys.billingDefault(tenant));
  }

  /**
   * The address that was the default stops being it, without reading it first: its flag, its place
   * in the default index, its version and {@code updated_at}, conditional on its still being the
   * live default (else {@code onLost}).
   */
  public void unsetDefault(WriteTransaction tx, TenantId tenant, String addressId, String now,
      Supplier<? extends RuntimeException> onLost) {
    tx.update(BillingKeys.billingAddress(tenant, addressId),
        "SET is_default = :no, version = version + :one, updated_at = :now REMOVE GSI2PK, GSI2SK",
        Map.of(":no", AttributeValue.fromBool(false), ":one", AttributeValue.fromN("1"), ":now", AttributeValue.fromS(now)),
        STILL_DEFAULT, onLost);
  }

  /** The common attributes of a new address of the tenant. */
  public static ItemMeta newMeta(TenantId tenant, String addressId, String now) {
    return ItemMeta.created(BillingKeys.billingAddress(tenant, addressId), BillingAddressItem.ENTITY, now);
  }

  /** {@code address} with the index keys that place it in its list and, when it is the default, in GSI2. */
  public static BillingAddressItem indexed(TenantId tenant, BillingAddressItem address) {
    BillingAddressItem listed = address.withIndex1(BillingKeys.billingAddresses(tenant, address.isDeleted()),
        BillingKeys.billingAddressSort(address.addressType(), address.id()));
    return address.isDefault() && !address.isDeleted()
        ? listed.withIndex2(BillingKeys.defaultBillingAddress(tenant), address.id())
        : listed.withIndex2(null, null);
  }
}
