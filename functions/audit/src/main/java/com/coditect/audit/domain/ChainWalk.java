package com.coditect.audit.domain;

import com.coditect.audit.data.AuditEntryItem;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a tenant's chain entry by entry in seq order, from a known hash: each entry must come next
 * in seq, name the hash and the expiry of the entry before it, and hash to what it stores. The
 * first entry that does not is the first break.
 */
public final class ChainWalk {

  /** Why a link is broken. */
  public enum Reason {
    /** An entry's content no longer hashes to its stored hash. */
    ALTERED,
    /** An entry names another predecessor (hash or expiry) than the one before it. */
    UNLINKED,
    /** An entry is missing (a gap in seq, or the chain ends before its head). */
    MISSING,
    /**
     * Entries are gone although the chain proves their retention had not run out: the first
     * retained entry names a predecessor's expiry still to come, or none is left while the newest
     * cannot have expired.
     */
    DELETED_BEFORE_EXPIRY
  }

  /** The first broken link: the seq where the chain stops matching, and why. */
  public record Break(long seq, Reason reason) {}

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
    if (entry.seq != nextSeq) {
      return Optional.of(new Break(nextSeq, Reason.MISSING));
    }
    if (!hash.equals(entry.prevHash) || !Objects.equals(ttl, entry.prevTtl)) {
      return Optional.of(new Break(entry.seq, Reason.UNLINKED));
    }
    if (!AuditChain.hash(hash, entry).equals(entry.hash)) {
      return Optional.of(new Break(entry.seq, Reason.ALTERED));
    }
    hash = entry.hash;
    ttl = entry.ttl;
    nextSeq = entry.seq + 1;
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
