package com.coditect.audit.domain;

import com.coditect.audit.data.AuditEntryItem;
import java.util.Optional;

/**
 * Walks a tenant's chain entry by entry in seq order, from a known hash: each entry must come next
 * in seq, name the hash before it, and hash to what it stores. The first entry that does not is
 * the first break.
 */
public final class ChainWalk {

  /** Why a link is broken. */
  public enum Reason {
    /** An entry's content no longer hashes to its stored hash. */
    ALTERED,
    /** An entry names another predecessor than the one before it. */
    UNLINKED,
    /** An entry is missing (a gap in seq, or the chain ends before its head). */
    MISSING
  }

  /** The first broken link: the seq where the chain stops matching, and why. */
  public record Break(long seq, Reason reason) {}

  private String hash;
  private long nextSeq;
  private long checked;

  /**
   * @param hash the hash the next entry must follow
   * @param nextSeq the seq the next entry must have, or -1 when any is acceptable (a chain whose
   *     earliest entries expired starts wherever the retained part starts)
   */
  public ChainWalk(String hash, long nextSeq) {
    this.hash = hash;
    this.nextSeq = nextSeq;
  }

  /** Checks the next entry; empty while the chain holds. */
  public Optional<Break> next(AuditEntryItem entry) {
    if (nextSeq >= 0 && entry.seq != nextSeq) {
      return Optional.of(new Break(nextSeq, Reason.MISSING));
    }
    if (!hash.equals(entry.prevHash)) {
      return Optional.of(new Break(entry.seq, Reason.UNLINKED));
    }
    if (!AuditChain.hash(hash, entry).equals(entry.hash)) {
      return Optional.of(new Break(entry.seq, Reason.ALTERED));
    }
    hash = entry.hash;
    nextSeq = entry.seq + 1;
    checked++;
    return Optional.empty();
  }

  /** The hash of the last entry that held (or the starting hash). */
  public String hash() {
    return hash;
  }

  /** The seq the next entry must have (-1 before the first, when any is acceptable). */
  public long nextSeq() {
    return nextSeq;
  }

  public long checked() {
    return checked;
  }
}
