package com.coditect.audit.api;

import com.coditect.audit.domain.ChainWalk;

/**
 * What one page of {@code GET /v1/audit-logs/verify} found. {@code complete} means the walk reached
 * the chain head, so {@code intact && complete} is the whole chain verified; otherwise
 * {@code next_cursor} continues where this page stopped (null once a break is found).
 */
public record ChainVerificationResponse(
    boolean intact, boolean complete, FirstBreak firstBreak, long entriesChecked, Long verifiedFromSeq,
    Long verifiedToSeq, Long headSeq, boolean earlierEntriesExpired, String nextCursor) {

  /** The first broken link: its seq and why ({@code altered}, {@code unlinked}, {@code missing}). */
  public record FirstBreak(long seq, String reason) {
    public static FirstBreak of(ChainWalk.Break broken) {
      return new FirstBreak(broken.seq(), broken.reason().apiName());
    }
  }
}
