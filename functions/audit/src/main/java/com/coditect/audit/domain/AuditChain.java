package com.coditect.audit.domain;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.shared.digest.Sha256;
import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tenant's hash chain: {@code hash(n) = SHA-256(hash(n-1) + "\n" + canonical JSON of entry n's
 * chained fields)}. Canonical JSON has every object's keys sorted, so the same entry always hashes
 * the same. The chained fields leave out the raw ip address and user agent (their pseudonyms are in),
 * and take in the entry's expiry ({@code ttl}) and its predecessor's ({@code prev_ttl}).
 */
public final class AuditChain {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AuditChain() {}

  /** The hash before a tenant's first entry. */
  public static String genesis(TenantId tenant) {
    return Sha256.hex("coditect-audit-chain\n" + tenant.value());
  }

  /** The hash of {@code entry} following {@code prevHash}. */
  public static String hash(String prevHash, AuditEntryItem entry) {
    ObjectNode chained = NODES.objectNode();
    chained.put("seq", entry.seq());
    chained.put("id", entry.id());
    chained.put("event_id", entry.eventId());
    chained.put("created_at", entry.createdAt());
    chained.put("user_id", entry.userId());
    chained.put("action", entry.action());
    chained.put("resource_type", entry.resourceType());
    chained.put("resource_id", entry.resourceId());
    chained.put("ip_pseudonym", entry.ipPseudonym());
    chained.put("user_agent_pseudonym", entry.userAgentPseudonym());
    chained.put("request_method", entry.requestMethod());
    chained.put("request_path", entry.requestPath());
    chained.set("changes", readTree(entry.changes()));
    chained.set("metadata", readTree(entry.metadata()));
    // Its API spelling, as the entry stores it.
    chained.put("severity", entry.severity() == null ? null : entry.severity().apiName());
    // The expiries are chained so that verify can prove which removals retention allowed.
    chained.put("ttl", entry.meta().ttl());
    chained.put("prev_ttl", entry.prevTtl());
    return Sha256.hex(prevHash + "\n" + canonical(chained));
  }

  /**
   * The seq of the first entry whose stored links do not match a recomputation from
   * {@code previousHash} on (entries in seq order, starting at seq 1), or -1 when the chain is intact.
   */
  public static long firstBreak(String previousHash, Iterable<AuditEntryItem> entriesInOrder) {
    ChainWalk walk = new ChainWalk(previousHash, 1, null);
    for (AuditEntryItem entry : entriesInOrder) {
      var broken = walk.next(entry);
      if (broken.isPresent()) {
        return broken.get().seq();
      }
    }
    return -1;
  }

  /** JSON text with every object's keys in sorted order, arrays in their order. */
  static String canonical(JsonNode node) {
    return JsonText.write(sorted(node));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode copy = NODES.objectNode();
      names.forEach(name -> copy.set(name, sorted(node.get(name))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static JsonNode readTree(String json) {
    return json == null ? NODES.nullNode() : Json.readTree(json);
  }

}
