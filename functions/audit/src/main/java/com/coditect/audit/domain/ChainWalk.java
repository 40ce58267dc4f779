package com.coditect.audit.domain;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.model.ChainBreakReason;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a tenant's chain entry by entry in seq order, from a known hash: each entry must come next
 * in seq, name the hash and the expiry of the entry before it, and hash to what it stores. The
 * first entry that does not is the first break.
 */
public final class ChainWalk {

  /** The first broken link: the seq where the chain stops matching, and why. */
  public record Break(long seq, ChainBreakReason reason) {}

  private String hash;
  private Long ttl;
  private long nextSeq;
  private long checked;

  /**
   * @param hash the hash the next entry must follow
   * @param nextSeq the seq the next entry must have
   * @param ttl the expiry the next entry must name as its predecessor's (null before seq 1)
   */
  public ChainWalk(String hash, long nextSeq, Long ttl) {
    this.hash = hash;
    this.nextSeq = nextSeq;
    this.ttl = ttl;
  }

  /** Checks the next entry; empty while the chain holds. */
  public Optional<Break> next(AuditEntryItem entry) {
    if (entry.seq() != nextSeq) {
      return Optional.of(new Break(nextSeq, ChainBreakReason.MISSING));
    }
    if (!hash.equals(entry.prevHash()) || !Objects.equals(ttl, entry.prevTtl())) {
      return Optional.of(new Break(entry.seq(), ChainBreakReason.UNLINKED));
    }
    if (!AuditChain.hash(hash, entry).equals(entry.hash())) {
      return Optional.of(new Break(entry.seq(), ChainBreakReason.ALTERED));
    }
    hash = entry.hash();
    ttl = entry.meta().ttl();
    nextSeq = entry.seq() + 1;
    checked++;
    return Optional.empty();
  }

  /** The hash of the last entry that held (or the starting hash). */
  public String hash() {
    return hash;
  }

  /** The expiry of the last entry that held (or the starting one). */
  public Long ttl() {
    return ttl;
  }

  /** The seq the next entry must have. */
  public long nextSeq() {
    return nextSeq;
  }

  public long checked() {
    return checked;
  }
}
