package com.coditect.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.model.Severity;
import com.coditect.shared.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The tenant's hash chain: what each hash covers, that it never changes for the same entry, and where
 * {@link AuditChain#firstBreak} finds a chain broken. Stored chains are verified with this formula for
 * years, so the first tests pin it to text written out here rather than recomputed by the chain.
 */
class AuditChainTest {

  private static final TenantId ACME = new TenantId("0191d3f2-7a00-7000-8000-00000000a11c");
  private static final TenantId GLOBEX = new TenantId("0191d3f2-7a00-7000-8000-000000000b0b");

  @Test
  void genesisIsTheDigestOfTheTenantAndDiffersBetweenTenants() {
    assertEquals(sha256("coditect-audit-chain\n0191d3f2-7a00-7000-8000-00000000a11c"), AuditChain.genesis(ACME));
    assertEquals(AuditChain.genesis(ACME), AuditChain.genesis(new TenantId(ACME.value())));
    assertNotEquals(AuditChain.genesis(ACME), AuditChain.genesis(GLOBEX));
  }

  @Test
  void anEntryHashesItsPredecessorAndItsChainedFieldsAsSortedCompactJson() {
    String prev = AuditChain.genesis(ACME);
    String chained = "{\"action\":\"task.updated\",\"changes\":{\"a\":{\"new\":2,\"old\":1},\"b\":[3,1]},"
        + "\"created_at\":\"2026-11-25T10:00:00.000Z\",\"event_id\":\"event-1\",\"id\":\"entry-1\","
        + "\"ip_pseudonym\":\"ip-pseudonym\",\"metadata\":{\"occurred_at\":\"2026-11-25T09:59:59.000Z\","
        + "\"source\":\"coditect.pm\"},\"prev_ttl\":null,\"request_method\":\"PATCH\","
        + "\"request_path\":\"/v1/tasks/task-1\",\"resource_id\":\"task-1\",\"resource_type\":\"task\","
        + "\"seq\":1,\"severity\":\"info\",\"ttl\":1795000000,\"user_agent_pseudonym\":\"agent-pseudonym\","
        + "\"user_id\":\"user-1\"}";
    assertEquals(sha256(prev + "\n" + chained), AuditChain.hash(prev, entry(1)));
  }

  @Test
  void theSameEntryAlwaysHashesTheSame() {
    String prev = AuditChain.genesis(ACME);
    assertEquals(AuditChain.hash(prev, entry(1)), AuditChain.hash(prev, entry(1)));
  }

  @Test
  void keyOrderInsideChangesAndMetadataDoesNotChangeTheHashButArrayOrderDoes() {
    String prev = AuditChain.genesis(ACME);
    String hash = AuditChain.hash(prev, entry(1));
    assertEquals(hash, AuditChain.hash(prev, entry(1, e -> e.changes = "{\"b\":[3,1],\"a\":{\"old\":1,\"new\":2}}")));
    assertEquals(hash, AuditChain.hash(prev, entry(1,
        e -> e.metadata = "{\"source\":\"coditect.pm\",\"occurred_at\":\"2026-11-25T09:59:59.000Z\"}")));
    assertNotEquals(hash, AuditChain.hash(prev, entry(1, e -> e.changes = "{\"a\":{\"new\":2,\"old\":1},\"b\":[1,3]}")));
  }

  @Test
  void everyChainedFieldChangesTheHash() {
    Map<String, Consumer<AuditEntryItem>> changes = new LinkedHashMap<>();
    changes.put("seq", e -> e.seq = 2L);
    changes.put("id", e -> e.id = "entry-2");
    changes.put("event_id", e -> e.eventId = "event-2");
    changes.put("created_at", e -> e.createdAt = "2026-11-25T10:00:00.001Z");
    changes.put("user_id", e -> e.userId = "user-2");
    changes.put("user_id removed", e -> e.userId = null);
    changes.put("action", e -> e.action = "task.deleted");
    changes.put("resource_type", e -> e.resourceType = "sprint");
    changes.put("resource_id", e -> e.resourceId = "task-2");
    changes.put("ip_pseudonym", e -> e.ipPseudonym = "other-ip-pseudonym");
    changes.put("user_agent_pseudonym", e -> e.userAgentPseudonym = "other-agent-pseudonym");
    changes.put("request_method", e -> e.requestMethod = "DELETE");
    changes.put("request_path", e -> e.requestPath = "/v1/tasks/task-2");
    changes.put("changes", e -> e.changes = "{\"a\":{\"new\":3,\"old\":1},\"b\":[3,1]}");
    changes.put("changes removed", e -> e.changes = null);
    changes.put("metadata", e -> e.metadata = "{\"source\":\"coditect.tenancy\"}");
    changes.put("severity", e -> e.severity = Severity.CRITICAL);
    changes.put("ttl", e -> e.ttl = 1795000001L);
    changes.put("prev_ttl", e -> e.prevTtl = 1794999999L);
    String prev = AuditChain.genesis(ACME);
    String hash = AuditChain.hash(prev, entry(1));
    changes.forEach((field, change) -> assertNotEquals(hash, AuditChain.hash(prev, entry(1, change)), field));
  }

  @Test
  void rawIpAndUserAgentAreOutsideTheChainSoErasingThemKeepsItVerifiable() {
    String prev = AuditChain.genesis(ACME);
    String hash = AuditChain.hash(prev, entry(1));
    assertEquals(hash, AuditChain.hash(prev, entry(1, e -> {
      e.ipAddress = null;
      e.userAgent = null;
    })));
  }

  @Test
  void anEntryHashesDifferentlyAfterAnotherPredecessor() {
    assertNotEquals(AuditChain.hash(AuditChain.genesis(ACME), entry(1)), AuditChain.hash(AuditChain.genesis(GLOBEX), entry(1)));
  }

  @Test
  void anIntactChainHasNoBreak() {
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(ACME), chain(4)));
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(ACME), List.of()));
  }

  @Test
  void anAlteredEntryBreaksTheChainAtItsSeq() {
    List<AuditEntryItem> chain = chain(4);
    chain.get(2).action = "task.viewed";
    assertEquals(3, AuditChain.firstBreak(AuditChain.genesis(ACME), chain));
  }

  @Test
  void aRemovedEntryBreaksTheChainWhereItWas() {
    List<AuditEntryItem> chain = chain(4);
    chain.remove(1);
    assertEquals(2, AuditChain.firstBreak(AuditChain.genesis(ACME), chain));
  }

  @Test
  void anEntryRehashedOntoAnotherPredecessorBreaksTheChainAtItsSeq() {
    List<AuditEntryItem> chain = chain(4);
    AuditEntryItem forged = chain.get(1);
    forged.prevHash = AuditChain.genesis(GLOBEX);
    forged.hash = AuditChain.hash(forged.prevHash, forged);
    assertEquals(2, AuditChain.firstBreak(AuditChain.genesis(ACME), chain));
  }

  @Test
  void anEntryNamingAnotherPredecessorExpiryBreaksTheChainAtItsSeq() {
    List<AuditEntryItem> chain = chain(4);
    AuditEntryItem forged = chain.get(3);
    forged.prevTtl = forged.prevTtl + 1;
    forged.hash = AuditChain.hash(forged.prevHash, forged);
    assertEquals(4, AuditChain.firstBreak(AuditChain.genesis(ACME), chain));
  }

  @Test
  void aChainCheckedFromAnotherStartBreaksAtItsFirstEntry() {
    assertEquals(1, AuditChain.firstBreak(AuditChain.genesis(GLOBEX), chain(3)));
  }

  /** Entries 1..{@code length} of ACME's chain, each linked to the one before as the ingest links them. */
  private static List<AuditEntryItem> chain(int length) {
    List<AuditEntryItem> chain = new ArrayList<>();
    String prevHash = AuditChain.genesis(ACME);
    Long prevTtl = null;
    for (long seq = 1; seq <= length; seq++) {
      long thisSeq = seq;
      Long thisPrevTtl = prevTtl;
      AuditEntryItem entry = entry(seq, e -> {
        e.id = "entry-" + thisSeq;
        e.eventId = "event-" + thisSeq;
        e.ttl = 1795000000L + thisSeq;
        e.prevTtl = thisPrevTtl;
      });
      entry.prevHash = prevHash;
      entry.hash = AuditChain.hash(prevHash, entry);
      chain.add(entry);
      prevHash = entry.hash;
      prevTtl = entry.ttl;
    }
    return chain;
  }

  private static AuditEntryItem entry(long seq) {
    return entry(seq, e -> {});
  }

  /** A complete entry with {@code change} applied. */
  private static AuditEntryItem entry(long seq, Consumer<AuditEntryItem> change) {
    AuditEntryItem entry = new AuditEntryItem();
    entry.seq = seq;
    entry.id = "entry-1";
    entry.eventId = "event-1";
    entry.createdAt = "2026-11-25T10:00:00.000Z";
    entry.userId = "user-1";
    entry.action = "task.updated";
    entry.resourceType = "task";
    entry.resourceId = "task-1";
    entry.ipAddress = "198.51.100.4";
    entry.userAgent = "test-agent/1";
    entry.ipPseudonym = "ip-pseudonym";
    entry.userAgentPseudonym = "agent-pseudonym";
    entry.requestMethod = "PATCH";
    entry.requestPath = "/v1/tasks/task-1";
    entry.changes = "{\"a\":{\"new\":2,\"old\":1},\"b\":[3,1]}";
    entry.metadata = "{\"occurred_at\":\"2026-11-25T09:59:59.000Z\",\"source\":\"coditect.pm\"}";
    entry.severity = Severity.INFO;
    entry.ttl = 1795000000L;
    entry.prevTtl = null;
    change.accept(entry);
    return entry;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
