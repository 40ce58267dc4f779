package com.coditect.audit.domain;

import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.api.ChainVerificationResponse.FirstBreak;
import com.coditect.audit.data.AuditChainRepository;
import com.coditect.audit.data.AuditChainRepository.ChainHead;
import com.coditect.audit.data.AuditChainRepository.ChainPage;
import com.coditect.audit.data.AuditChainRepository.ChainPosition;
import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.model.ChainBreakReason;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

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

  private final AuditChainRepository chain;
  private final Clock clock;

  @Inject
  AuditVerifier(AuditChainRepository chain, Clock clock) {
    this.chain = chain;
    this.clock = clock;
  }

  /** One page of at most {@code limit} entries, continuing from {@code cursor} when given. */
  public ChainVerificationResponse verifyPage(TenantId tenant, Optional<String> cursor, int limit) {
    long now = clock.instant().getEpochSecond();
    ChainWalk walk = null;
    // The seq of the last entry passed: checked by the walk, or skipped as expired before it began.
    long lastSeq = 0;
    Optional<ChainPosition> after = cursor.map(text -> chain.position(tenant, text));
    if (after.isPresent()) {
      lastSeq = after.get().lastSeq();
      if (after.get().runningHash() != null) {
        walk = new ChainWalk(after.get().runningHash(), lastSeq + 1, after.get().runningTtl());
      }
    }
    ChainPage page = chain.page(tenant, after, limit);

    Long fromSeq = null;
    boolean expiredBefore = false;
    for (AuditEntryItem entry : page.entries()) {
      if (walk == null) {
        if (entry.isExpired(now)) {
          // Past its retention, so DynamoDB's TTL removes it (late, and in any order): the
          // retained chain starts after it. Expiries never decrease along the chain.
          lastSeq = entry.seq();
          continue;
        }
        if (entry.seq() != 1) {
          // The entries before the first retained one are gone. Retention allowed that only if
          // the last of them has expired, and this entry names its expiry (chained, so it
          // cannot be changed without breaking the chain).
          if (entry.prevTtl() == null || entry.prevTtl() > now) {
            return broken(entry.seq() - 1, ChainBreakReason.DELETED_BEFORE_EXPIRY, 0, null, null, null, false);
          }
          expiredBefore = true;
        }
        walk = entry.seq() == 1
            ? new ChainWalk(AuditChain.genesis(tenant), 1, null)
            : new ChainWalk(entry.prevHash(), entry.seq(), entry.prevTtl());
      }
      if (fromSeq == null) {
        fromSeq = entry.seq();
      }
      Optional<ChainWalk.Break> broken = walk.next(entry);
      if (broken.isPresent()) {
        return new ChainVerificationResponse(false, false, FirstBreak.of(broken.get()), walk.checked(), fromSeq,
            lastChecked(walk, fromSeq), null, expiredBefore, null);
      }
      lastSeq = entry.seq();
    }
    long checked = walk == null ? 0 : walk.checked();
    Long toSeq = fromSeq == null ? null : lastSeq;
    if (page.head().isEmpty()) {
      if (page.more()) {
        return new ChainVerificationResponse(true, false, null, checked, fromSeq, toSeq, null, expiredBefore,
            chain.cursor(tenant, position(lastSeq, walk)));
      }
      // No head: a tenant with no entries, or a chain whose head was removed.
      if (walk == null) {
        return lastSeq == 0
            ? new ChainVerificationResponse(true, true, null, 0, null, null, null, false, null)
            : broken(lastSeq + 1, ChainBreakReason.MISSING, 0, null, null, null, false);
      }
      return broken(walk.nextSeq(), ChainBreakReason.MISSING, checked, fromSeq, toSeq, null, expiredBefore);
    }
    ChainHead head = page.head().get();
    long headSeq = head.seq();
    if (headSeq == lastSeq && walk != null) {
      return head.chainHash().equals(walk.hash())
          ? new ChainVerificationResponse(true, true, null, checked, fromSeq, toSeq, headSeq, expiredBefore, null)
          : broken(headSeq, ChainBreakReason.ALTERED, checked, fromSeq, toSeq, headSeq, expiredBefore);
    }
    if (headSeq < lastSeq) {
      // Entries beyond the head were never chained by it.
      return broken(headSeq + 1, ChainBreakReason.UNLINKED, checked, fromSeq, toSeq, headSeq, expiredBefore);
    }
    if (fromSeq != null) {
      // The head moved on while this page was read: the entries it chained are committed, so the
      // next page sees them.
      return new ChainVerificationResponse(true, false, null, checked, fromSeq, toSeq, headSeq, expiredBefore,
          chain.cursor(tenant, position(lastSeq, walk)));
    }
    if (walk != null) {
      // A continued walk found nothing after its cursor although the head had moved past it when
      // the previous page ended: the entries in between are gone.
      return broken(lastSeq + 1, ChainBreakReason.MISSING, 0, null, null, headSeq, false);
    }
    // No retained entry, only the head: every entry expired, unless the newest could not have yet.
    long newestTtl = head.newestEntryTtl();
    return newestTtl > now
        ? broken(headSeq, ChainBreakReason.DELETED_BEFORE_EXPIRY, 0, null, null, headSeq, false)
        : new ChainVerificationResponse(true, true, null, 0, null, null, headSeq, headSeq > 0, null);
  }

  private static ChainVerificationResponse broken(long seq, ChainBreakReason reason, long checked, Long fromSeq,
      Long toSeq, Long headSeq, boolean expiredBefore) {
    return new ChainVerificationResponse(false, false, FirstBreak.of(new ChainWalk.Break(seq, reason)), checked,
        fromSeq, toSeq, headSeq, expiredBefore, null);
  }

  private static Long lastChecked(ChainWalk walk, Long fromSeq) {
    return walk.checked() == 0 ? null : fromSeq + walk.checked() - 1;
  }

  /**
   * Where the next page starts: after {@code lastSeq}, with the walk's running hash and expiry, or
   * without them while the walk has not begun (every entry so far had expired).
   */
  private static ChainPosition position(long lastSeq, ChainWalk walk) {
    return walk == null ? new ChainPosition(lastSeq, null, null) : new ChainPosition(lastSeq, walk.hash(), walk.ttl());
  }
}
