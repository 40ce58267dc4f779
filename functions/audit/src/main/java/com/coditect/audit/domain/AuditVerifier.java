package com.coditect.audit.domain;

import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.api.ChainVerificationResponse.FirstBreak;
import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.store.CursorCodec;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Recomputes a tenant's hash chain one page at a time: each page is one strongly consistent Query
 * of the entries in seq order, and the signed cursor carries the running hash to the next page.
 * The chain head sorts after the entries, so the page that reaches the end also reads it and can
 * tell a complete chain from one whose newest entries were removed. Entries past their expiry are
 * taken as gone; the first retained entry proves, by the predecessor's expiry it names, whether
 * the entries before it were allowed to go.
 */
@Singleton
public final class AuditVerifier {

  public static final int MAX_PAGE = 1000;
  private static final String RUNNING_HASH = "H";
  private static final String RUNNING_TTL = "T";

  private final SingleTable table;
  private final CursorCodec cursors;
  private final Clock clock;

  @Inject
  AuditVerifier(SingleTable table, CursorCodec cursors, Clock clock) {
    this.table = table;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** One page of at most {@code limit} entries, continuing from {@code cursor} when given. */
  public ChainVerificationResponse verifyPage(TenantId tenant, Optional<String> cursor, int limit) {
    String scope = tenant.value() + "#audit-verify";
    long now = clock.instant().getEpochSecond();
    QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditKeys.entries(tenant))))
        .consistentRead(true)
        .limit(limit);
    ChainWalk walk = null;
    // The seq of the last entry passed: checked by the walk, or skipped as expired before it began.
    long lastSeq = 0;
    if (cursor.isPresent()) {
      Map<String, AttributeValue> state = cursors.decode(scope, cursor.get());
      lastSeq = Long.parseLong(state.get("SK").s());
      if (state.containsKey(RUNNING_HASH)) {
        AttributeValue ttl = state.get(RUNNING_TTL);
        walk = new ChainWalk(state.get(RUNNING_HASH).s(), lastSeq + 1, ttl == null ? null : Long.valueOf(ttl.s()));
      }
      query.exclusiveStartKey(Map.of("PK", state.get("PK"), "SK", state.get("SK")));
    }
    QueryResponse page = table.lowLevel().query(query.build());

    Long fromSeq = null;
    boolean expiredBefore = false;
    Map<String, AttributeValue> head = null;
    for (Map<String, AttributeValue> item : page.items()) {
      if (AuditKeys.HEAD.equals(item.get("SK").s())) {
        head = item;
        break;
      }
      AuditEntryItem entry = AuditEntryItem.SCHEMA.mapToItem(item);
      if (walk == null) {
        if (entry.isExpired(now)) {
          // Past its retention, so DynamoDB's TTL removes it (late, and in any order): the
          // retained chain starts after it. Expiries never decrease along the chain.
          lastSeq = entry.seq;
          continue;
        }
        if (entry.seq != 1) {
          // The entries before the first retained one are gone. Retention allowed that only if
          // the last of them has expired, and this entry names its expiry (chained, so it
          // cannot be changed without breaking the chain).
          if (entry.prevTtl == null || entry.prevTtl > now) {
            return broken(entry.seq - 1, ChainWalk.Reason.DELETED_BEFORE_EXPIRY, 0, null, null, null, false);
          }
          expiredBefore = true;
        }
        walk = entry.seq == 1
            ? new ChainWalk(AuditChain.genesis(tenant), 1, null)
            : new ChainWalk(entry.prevHash, entry.seq, entry.prevTtl);
      }
      if (fromSeq == null) {
        fromSeq = entry.seq;
      }
      Optional<ChainWalk.Break> broken = walk.next(entry);
      if (broken.isPresent()) {
        return new ChainVerificationResponse(false, false, FirstBreak.of(broken.get()), walk.checked(), fromSeq,
            lastChecked(walk, fromSeq), null, expiredBefore, null);
      }
      lastSeq = entry.seq;
    }
    long checked = walk == null ? 0 : walk.checked();
    Long toSeq = fromSeq == null ? null : lastSeq;
    if (head == null) {
      if (page.hasLastEvaluatedKey() && page.lastEvaluatedKey() != null && !page.lastEvaluatedKey().isEmpty()) {
        return new ChainVerificationResponse(true, false, null, checked, fromSeq, toSeq, null, expiredBefore,
            cursors.encode(scope, state(tenant, lastSeq, walk)));
      }
      // No head: a tenant with no entries, or a chain whose head was removed.
      if (walk == null) {
        return lastSeq == 0
            ? new ChainVerificationResponse(true, true, null, 0, null, null, null, false, null)
            : broken(lastSeq + 1, ChainWalk.Reason.MISSING, 0, null, null, null, false);
      }
      return broken(walk.nextSeq(), ChainWalk.Reason.MISSING, checked, fromSeq, toSeq, null, expiredBefore);
    }
    long headSeq = Long.parseLong(head.get("seq").n());
    if (headSeq == lastSeq && walk != null) {
      return head.get("chain_hash").s().equals(walk.hash())
          ? new ChainVerificationResponse(true, true, null, checked, fromSeq, toSeq, headSeq, expiredBefore, null)
          : broken(headSeq, ChainWalk.Reason.ALTERED, checked, fromSeq, toSeq, headSeq, expiredBefore);
    }
    if (headSeq < lastSeq) {
      // Entries beyond the head were never chained by it.
      return broken(headSeq + 1, ChainWalk.Reason.UNLINKED, checked, fromSeq, toSeq, headSeq, expiredBefore);
    }
    if (fromSeq != null) {
      // The head moved on while this page was read: the entries it chained are committed, so the
      // next page sees them.
      return new ChainVerificationResponse(true, false, null, checked, fromSeq, toSeq, headSeq, expiredBefore,
          cursors.encode(scope, state(tenant, lastSeq, walk)));
    }
    if (walk != null) {
      // A continued walk found nothing after its cursor although the head had moved past it when
      // the previous page ended: the entries in between are gone.
      return broken(lastSeq + 1, ChainWalk.Reason.MISSING, 0, null, null, headSeq, false);
    }
    // No retained entry, only the head: every entry expired, unless the newest could not have yet.
    long newestTtl = Long.parseLong(head.get("newest_entry_ttl").n());
    return newestTtl > now
        ? broken(headSeq, ChainWalk.Reason.DELETED_BEFORE_EXPIRY, 0, null, null, headSeq, false)
        : new ChainVerificationResponse(true, true, null, 0, null, null, headSeq, headSeq > 0, null);
  }

  private static ChainVerificationResponse broken(long seq, ChainWalk.Reason reason, long checked, Long fromSeq, Long toSeq,
      Long headSeq, boolean expiredBefore) {
    return new ChainVerificationResponse(false, false, FirstBreak.of(new ChainWalk.Break(seq, reason)), checked, fromSeq,
        toSeq, headSeq, expiredBefore, null);
  }

  private static Long lastChecked(ChainWalk walk, Long fromSeq) {
    return walk.checked() == 0 ? null : fromSeq + walk.checked() - 1;
  }

  /**
   * Where the next page starts: after {@code lastSeq}, with the walk's running hash and expiry (as
   * text: a cursor holds strings), or without them while the walk has not begun (every entry so far
   * had expired).
   */
  private static Map<String, AttributeValue> state(TenantId tenant, long lastSeq, ChainWalk walk) {
    Map<String, AttributeValue> state = new HashMap<>();
    state.put("PK", AttributeValue.fromS(AuditKeys.entries(tenant)));
    state.put("SK", AttributeValue.fromS(AuditKeys.sequence(lastSeq)));
    if (walk != null) {
      state.put(RUNNING_HASH, AttributeValue.fromS(walk.hash()));
      if (walk.ttl() != null) {
        state.put(RUNNING_TTL, AttributeValue.fromS(Long.toString(walk.ttl())));
      }
    }
    return state;
  }
}
