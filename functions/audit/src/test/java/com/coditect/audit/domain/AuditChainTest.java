package com.coditect.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
import com.coditect.audit.model.Severity;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
    assertEquals(hash, AuditChain.hash(prev, entry(1, e -> e.withChanges("{\"b\":[3,1],\"a\":{\"old\":1,\"new\":2}}"))));
    assertEquals(hash, AuditChain.hash(prev, entry(1,
        e -> e.withMetadata("{\"source\":\"coditect.pm\",\"occurred_at\":\"2026-11-25T09:59:59.000Z\"}"))));
    assertNotEquals(hash, AuditChain.hash(prev, entry(1, e -> e.withChanges("{\"a\":{\"new\":2,\"old\":1},\"b\":[1,3]}"))));
  }

  @Test
  void everyChainedFieldChangesTheHash() {
    Map<String, UnaryOperator<AuditEntryItem>> changes = new LinkedHashMap<>();
    changes.put("seq", e -> e.withSeq(2L));
    changes.put("id", e -> e.withId("entry-2"));
    changes.put("event_id", e -> e.withEventId("event-2"));
    changes.put("created_at", e -> e.withMeta(e.meta().withCreatedAt("2026-11-25T10:00:00.001Z")));
    changes.put("user_id", e -> e.withUserId("user-2"));
    changes.put("user_id removed", e -> e.withUserId(null));
    changes.put("action", e -> e.withAction("task.deleted"));
    changes.put("resource_type", e -> e.withResourceType("sprint"));
    changes.put("resource_id", e -> e.withResourceId("task-2"));
    changes.put("ip_pseudonym", e -> e.withIpPseudonym("other-ip-pseudonym"));
    changes.put("user_agent_pseudonym", e -> e.withUserAgentPseudonym("other-agent-pseudonym"));
    changes.put("request_method", e -> e.withRequestMethod("DELETE"));
    changes.put("request_path", e -> e.withRequestPath("/v1/tasks/task-2"));
    changes.put("changes", e -> e.withChanges("{\"a\":{\"new\":3,\"old\":1},\"b\":[3,1]}"));
    changes.put("changes removed", e -> e.withChanges(null));
    changes.put("metadata", e -> e.withMetadata("{\"source\":\"coditect.tenancy\"}"));
    changes.put("severity", e -> e.withSeverity(Severity.CRITICAL));
    changes.put("ttl", e -> e.withMeta(e.meta().withTtl(1795000001L)));
    changes.put("prev_ttl", e -> e.withPrevTtl(1794999999L));
    String prev = AuditChain.genesis(ACME);
    String hash = AuditChain.hash(prev, entry(1));
    changes.forEach((field, change) -> assertNotEquals(hash, AuditChain.hash(prev, entry(1, change)), field));
  }

  @Test
  void rawIpAndUserAgentAreOutsideTheChainSoErasingThemKeepsItVerifiable() {
    String prev = AuditChain.genesis(ACME);
    String hash = AuditChain.hash(prev, entry(1));
    assertEquals(hash, AuditChain.hash(prev, entry(1, e -> e.withIpAddress(null).withUserAgent(null))));
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
    chain.set(2, chain.get(2).withAction("task.viewed"));
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
    AuditEntryItem forged = chain.get(1).withPrevHash(AuditChain.genesis(GLOBEX));
    chain.set(1, forged.withHash(AuditChain.hash(forged.prevHash(), forged)));
    assertEquals(2, AuditChain.firstBreak(AuditChain.genesis(ACME), chain));
  }

  @Test
  void anEntryNamingAnotherPredecessorExpiryBreaksTheChainAtItsSeq() {
    List<AuditEntryItem> chain = chain(4);
    AuditEntryItem forged = chain.get(3).withPrevTtl(chain.get(3).prevTtl() + 1);
    chain.set(3, forged.withHash(AuditChain.hash(forged.prevHash(), forged)));
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
      AuditEntryItem linked = entry(seq, e -> e.withId("entry-" + thisSeq)
          .withEventId("event-" + thisSeq)
          .withMeta(e.meta().withTtl(1795000000L + thisSeq))
          .withPrevTtl(thisPrevTtl))
          .withPrevHash(prevHash);
      AuditEntryItem entry = linked.withHash(AuditChain.hash(prevHash, linked));
      chain.add(entry);
      prevHash = entry.hash();
      prevTtl = entry.meta().ttl();
    }
    return chain;
  }

  private static AuditEntryItem entry(long seq) {
    return entry(seq, e -> e);
  }

  /** A complete entry with {@code change} applied. */
  private static AuditEntryItem entry(long seq, UnaryOperator<AuditEntryItem> change) {
    AuditEntryItem entry = AuditEntryItem.builder()
        // The key is not chained; created_at and ttl are.
        .meta(ItemMeta.at(AuditKeys.entry(ACME, seq), AuditKeys.ENTRY)
            .withCreatedAt("2026-11-25T10:00:00.000Z")
            .withTtl(1795000000L))
        .seq(seq)
        .id("entry-1")
        .eventId("event-1")
        .userId("user-1")
        .action("task.updated")
        .resourceType("task")
        .resourceId("task-1")
        .ipAddress("198.51.100.4")
        .userAgent("test-agent/1")
        .ipPseudonym("ip-pseudonym")
        .userAgentPseudonym("agent-pseudonym")
        .requestMethod("PATCH")
        .requestPath("/v1/tasks/task-1")
        .changes("{\"a\":{\"new\":2,\"old\":1},\"b\":[3,1]}")
        .metadata("{\"occurred_at\":\"2026-11-25T09:59:59.000Z\",\"source\":\"coditect.pm\"}")
        .severity(Severity.INFO)
        .prevTtl(null)
        .build();
    return change.apply(entry);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
