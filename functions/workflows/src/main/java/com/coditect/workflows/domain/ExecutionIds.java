package com.coditect.workflows.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Execution ids a trigger derives rather than draws, so that the same cause asks for the same
 * execution however often it is delivered: a platform event (its event id) or a schedule's firing
 * (the envelope's id) with the workflow it starts. The id is a UUIDv7 like every other one: its
 * time is the cause's time, its 74 other bits come from the SHA-256 of the cause and the workflow.
 */
public final class ExecutionIds {

  private ExecutionIds() {}

  public static String derived(String causeId, String workflowId, Instant at) {
    ByteBuffer hash = ByteBuffer.wrap(sha256(causeId + "\n" + workflowId));
    long millis = Math.max(0, at.toEpochMilli()) & 0xFFFF_FFFF_FFFFL;
    long randA = hash.getShort() & 0x0FFFL;
    long randB = hash.getLong();
    long most = (millis << 16) | 0x7000L | randA;
    long least = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least).toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
