package com.coditect.workflows.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * An approval's id, derived from its step and its approver, so that a redelivered
 * {@code step.started} names the same approvals and creates none twice. It is shaped as a UUIDv7:
 * the step's own id (a UUIDv7) gives its 48-bit time, so approvals sort by when their step started
 * like every other id; the rest are bits of a SHA-256 of (step, approver).
 */
public final class ApprovalIds {

  private ApprovalIds() {}

  public static String of(String stepId, String approverId) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest((stepId + "\n" + approverId).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    long stepTime = UUID.fromString(stepId).getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L;
    ByteBuffer bits = ByteBuffer.wrap(hash);
    long high = stepTime | 0x7000L | (bits.getLong(0) & 0x0FFFL);
    long low = (bits.getLong(8) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
