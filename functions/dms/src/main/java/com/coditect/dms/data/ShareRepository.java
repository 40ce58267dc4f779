package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Share links: their keys, the list of a document's links, and the in-place changes the public
 * routes make (counting an access, counting a wrong password, locking), each one conditional
 * update so that parallel requests cannot overrun a limit.
 */
@Singleton
public final class ShareRepository extends ItemRepository<ShareItem> {

  /**
   * What an access needs to still hold when it is counted: active, under its maximum, not
   * expired, not locked. Timestamps are stored in one form (UTC, milliseconds), so they compare as
   * strings.
   */
  private static final String ACCESS_ALLOWED = "is_active = :true"
      + " AND (attribute_not_exists(max_access_count) OR access_count < max_access_count)"
      + " AND (attribute_not_exists(expires_at) OR expires_at > :now)"
      + " AND (attribute_not_exists(locked_until) OR locked_until <= :now)";

  private final SingleTable single;
  private final Queries queries;

  @Inject
  public ShareRepository(SingleTable table, Queries queries) {
    super(table, ShareItem.SCHEMA);
    this.single = table;
    this.queries = queries;
  }

  public static ItemMeta newMeta(TenantId tenant, String shareId, String now) {
    return ItemMeta.created(DmsKeys.share(tenant, shareId), ShareItem.ENTITY, now);
  }

  /** The share listed under its document, active ones first. */
  public static ShareItem indexed(TenantId tenant, ShareItem share) {
    return share.withIndex1(DmsKeys.sharesOfDocument(tenant, share.documentId()),
        DmsKeys.shareSort(share.isActive(), share.id()));
  }

  /** A share of the tenant: one consistent GetItem. */
  public Optional<ShareItem> find(TenantId tenant, String shareId) {
    return Optional.ofNullable(table.getItem(r -> r.key(DmsKeys.share(tenant, shareId)).consistentRead(true)));
  }

  /** A page of a document's links, active first, each group oldest first: one Query on GSI1. */
  public ResultPage<ShareItem> listOfDocument(TenantId tenant, String documentId, PageRequest page) {
    String partition = DmsKeys.sharesOfDocument(tenant, documentId);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition)
        .build()), page, partition, false);
  }

  /**
   * Adds the counting of one access: {@code ADD access_count 1}, {@code last_accessed_at}, the
   * failure count cleared, the version bumped; the part fails with {@code onRefused} unless the
   * link still allows an access at {@code now}. Inside a transaction the condition and the update
   * are one atomic step, so N parallel accesses to a link with maximum M < N count exactly M.
   */
  public void countAccess(WriteTransaction tx, TenantId tenant, String shareId, String now,
      Supplier<? extends RuntimeException> onRefused) {
    tx.update(DmsKeys.share(tenant, shareId),
        "ADD access_count :one, version :one SET last_accessed_at = :now, updated_at = :now,"
            + " failed_password_count = :zero",
        Map.of(":one", n(1), ":zero", n(0), ":now", AttributeValue.fromS(now), ":true", AttributeValue.fromBool(true)),
        Expression.builder().expression(ACCESS_ALLOWED).build(), onRefused);
  }

  /** Adds a check that the link's document is still there and not deleted; {@code onGone} otherwise. */
  public void requireLiveDocument(WriteTransaction tx, TenantId tenant, String documentId,
      Supplier<? extends RuntimeException> onGone) {
    tx.requireLive(DmsKeys.document(tenant, documentId), onGone);
  }

  /**
   * Counts one wrong password: one UpdateItem; returns the count of failures since the last lock or
   * success, this one included.
   */
  public long countFailedPassword(TenantId tenant, String shareId, String now) {
    var updated = single.lowLevel().updateItem(u -> u.tableName(single.name()).key(keyMap(tenant, shareId))
        .updateExpression("ADD failed_password_count :one, version :one SET updated_at = :now")
        .conditionExpression("attribute_exists(PK)")
        .expressionAttributeValues(Map.of(":one", n(1), ":now", AttributeValue.fromS(now)))
        .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(updated.attributes().get("failed_password_count").n());
  }

  /**
   * Locks the link until {@code until} and starts the failure count again, if at least
   * {@code failures} wrong passwords are counted (another request may have locked it already): one
   * UpdateItem.
   */
  public void lock(TenantId tenant, String shareId, long failures, String until, String now) {
    try {
      single.lowLevel().updateItem(u -> u.tableName(single.name()).key(keyMap(tenant, shareId))
          .updateExpression("SET locked_until = :until, failed_password_count = :zero, updated_at = :now"
              + " ADD version :one")
          .conditionExpression("failed_password_count >= :failures")
          .expressionAttributeValues(Map.of(":until", AttributeValue.fromS(until), ":zero", n(0), ":one", n(1),
              ":now", AttributeValue.fromS(now), ":failures", n(failures))));
    } catch (ConditionalCheckFailedException e) {
      // A parallel wrong password locked it first and reset the count: locked either way.
    }
  }

  private static Map<String, AttributeValue> keyMap(TenantId tenant, String shareId) {
    Key key = DmsKeys.share(tenant, shareId);
    return Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow());
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
