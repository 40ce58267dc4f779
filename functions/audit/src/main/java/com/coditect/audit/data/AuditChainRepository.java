package com.coditect.audit.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.CursorCodec;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The tenant's hash chain as stored: its head and the events' sentinels (both {@link AuditMarkerItem}),
 * the read an append starts from, the conditional Puts that move the head and claim an event, and
 * the pages a verification walks (the entries in seq order, then the head). Every write part is a
 * conditional Put: the ingest's role may create items but never update or delete one.
 */
@Singleton
public final class AuditChainRepository extends ItemRepository<AuditMarkerItem> {

  /** Only what an append needs: the head's place and hash, the tenant's setting (not its profile). */
  private static final String TIP_PROJECTION = "#pk, #sk, #seq, #hash, #newest, #days";
  private static final Map<String, String> TIP_NAMES = Map.of("#pk", "PK", "#sk", "SK", "#seq", "seq",
      "#hash", "chain_hash", "#newest", "newest_entry_ttl", "#days", AuditRetention.ATTRIBUTE);
  private static final Expression NEW = Expression.builder().expression("attribute_not_exists(PK)").build();
  /** Cursor attributes of a verification: the walk's running hash and expiry. */
  private static final String RUNNING_HASH = "H";
  private static final String RUNNING_TTL = "T";

  /** The chain head: the seq, hash and expiry of the tenant's newest entry. */
  public record ChainHead(long seq, String chainHash, Long newestEntryTtl) {}

  /**
   * Where the next entry goes: the head (empty before the tenant's first entry) and the tenant's
   * stored retention setting (null when it has none).
   */
  public record ChainTip(Optional<ChainHead> head, Integer retentionSetting) {}

  /**
   * Where a verification stopped: the seq of the last entry passed, and the walk's running hash and
   * expiry (both null while the walk has not begun: every entry so far had expired).
   */
  public record ChainPosition(long lastSeq, String runningHash, Long runningTtl) {}

  /**
   * One page of the chain in seq order: its entries, the head if the page reached it, and whether
   * the Query stopped at its limit with more to read.
   */
  public record ChainPage(List<AuditEntryItem> entries, Optional<ChainHead> head, boolean more) {}

  private final SingleTable singleTable;
  private final CursorCodec cursors;

  @Inject
  AuditChainRepository(SingleTable table, CursorCodec cursors) {
    super(table, AuditMarkerItem.SCHEMA);
    this.singleTable = table;
    this.cursors = cursors;
  }

  /**
   * The chain head and the tenant's retention setting in one consistent BatchGetItem: the head must
   * be the newest (the write is conditional on it), and a retention just raised must apply to the
   * next entry. A key can come back unprocessed only when DynamoDB throttles; it is read again,
   * never taken as absent, since a missing head or setting would mean a wrong seq or a short ttl.
   */
  public ChainTip readTip(TenantId tenant) {
    Key headKey = AuditKeys.chainHead(tenant);
    Key tenantKey = CoreKeys.tenant(tenant);
    Map<String, KeysAndAttributes> pending = Map.of(singleTable.name(), KeysAndAttributes.builder()
        .keys(headKey.primaryKeyMap(UniqueItem.SCHEMA), tenantKey.primaryKeyMap(UniqueItem.SCHEMA))
        .consistentRead(true)
        .projectionExpression(TIP_PROJECTION)
        .expressionAttributeNames(TIP_NAMES)
        .build());
    Map<String, AttributeValue> head = null;
    Integer retention = null;
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> batch = pending;
      BatchGetItemResponse response = singleTable.lowLevel().batchGetItem(b -> b.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(singleTable.name(), List.of())) {
        if (isAt(item, headKey)) {
          head = item;
        } else if (isAt(item, tenantKey) && item.get(AuditRetention.ATTRIBUTE) != null) {
          retention = Integer.valueOf(item.get(AuditRetention.ATTRIBUTE).n());
        }
      }
      pending = response.unprocessedKeys();
    }
    return new ChainTip(Optional.ofNullable(head).map(AuditChainRepository::head), retention);
  }

  /**
   * Adds the move of the chain head to {@code entry}, conditional on the head still being at
   * {@code previousSeq} (null: on there being no head yet); the transaction fails with
   * {@code onMoved} if another entry took the place first.
   */
  public void advanceHead(WriteTransaction tx, TenantId tenant, AuditEntryItem entry, Long previousSeq,
      Supplier<? extends RuntimeException> onMoved) {
    Expression unmoved = previousSeq == null
        ? NEW
        : Expression.builder().expression("seq = :previous")
            .expressionValues(Map.of(":previous", AttributeValue.fromN(Long.toString(previousSeq)))).build();
    tx.include(table, AuditMarkerItem.head(AuditKeys.chainHead(tenant), entry), unmoved, onMoved);
  }

  /**
   * Adds the claim of {@code entry}'s event id (one entry per event); the transaction fails with
   * {@code onRecorded} if the event already has its entry.
   */
  public void claimEvent(WriteTransaction tx, TenantId tenant, AuditEntryItem entry,
      Supplier<? extends RuntimeException> onRecorded) {
    tx.include(table, AuditMarkerItem.event(AuditKeys.eventSentinel(tenant, entry.eventId()), entry), NEW, onRecorded);
  }

  /**
   * One strongly consistent Query of at most {@code limit} items of the chain's partition in seq
   * order, after {@code after} when given. The head sorts after every entry, so the page that
   * reaches the end of the chain also reads it.
   */
  public ChainPage page(TenantId tenant, Optional<ChainPosition> after, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(singleTable.name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditKeys.entries(tenant))))
        .consistentRead(true)
        .limit(limit);
    after.ifPresent(position -> query.exclusiveStartKey(Map.of(
        "PK", AttributeValue.fromS(AuditKeys.entries(tenant)),
        "SK", AttributeValue.fromS(AuditKeys.sequence(position.lastSeq())))));
    QueryResponse response = singleTable.lowLevel().query(query.build());
    List<AuditEntryItem> entries = new ArrayList<>();
    ChainHead head = null;
    for (Map<String, AttributeValue> item : response.items()) {
      if (AuditKeys.HEAD.equals(item.get("SK").s())) {
        head = head(item);
        break;
      }
      entries.add(AuditEntryItem.SCHEMA.mapToItem(item));
    }
    boolean more = response.hasLastEvaluatedKey() && response.lastEvaluatedKey() != null
        && !response.lastEvaluatedKey().isEmpty();
    return new ChainPage(entries, Optional.ofNullable(head), more);
  }

  /** A signed cursor of a verification, bound to the tenant. */
  public String cursor(TenantId tenant, ChainPosition position) {
    Map<String, AttributeValue> state = new HashMap<>();
    state.put("PK", AttributeValue.fromS(AuditKeys.entries(tenant)));
    state.put("SK", AttributeValue.fromS(AuditKeys.sequence(position.lastSeq())));
    if (position.runningHash() != null) {
      // As text: a cursor holds strings.
      state.put(RUNNING_HASH, AttributeValue.fromS(position.runningHash()));
      if (position.runningTtl() != null) {
        state.put(RUNNING_TTL, AttributeValue.fromS(Long.toString(position.runningTtl())));
      }
    }
    return cursors.encode(verifyScope(tenant), state);
  }

  /** Where the verification {@code cursor} stopped (400 if it is not one of this tenant's). */
  public ChainPosition position(TenantId tenant, String cursor) {
    Map<String, AttributeValue> state = cursors.decode(verifyScope(tenant), cursor);
    long lastSeq = Long.parseLong(state.get("SK").s());
    if (!state.containsKey(RUNNING_HASH)) {
      return new ChainPosition(lastSeq, null, null);
    }
    AttributeValue ttl = state.get(RUNNING_TTL);
    return new ChainPosition(lastSeq, state.get(RUNNING_HASH).s(), ttl == null ? null : Long.valueOf(ttl.s()));
  }

  private static String verifyScope(TenantId tenant) {
    return tenant.value() + "#audit-verify";
  }

  private static ChainHead head(Map<String, AttributeValue> item) {
    AttributeValue newest = item.get("newest_entry_ttl");
    return new ChainHead(Long.parseLong(item.get("seq").n()), item.get("chain_hash").s(),
        newest == null ? null : Long.valueOf(newest.n()));
  }

  private static boolean isAt(Map<String, AttributeValue> item, Key key) {
    return key.partitionKeyValue().s().equals(item.get("PK").s())
        && key.sortKeyValue().orElseThrow().s().equals(item.get("SK").s());
  }
}
