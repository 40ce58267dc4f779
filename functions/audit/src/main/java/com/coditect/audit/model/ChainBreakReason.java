package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;

/** Why a link of the audit chain is broken (the {@code first_break.reason} of a verification). */
public enum ChainBreakReason implements Choice {
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
