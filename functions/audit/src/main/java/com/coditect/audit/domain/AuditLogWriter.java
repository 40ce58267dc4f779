package com.coditect.audit.domain;

import com.coditect.audit.data.AuditChainRepository;
import com.coditect.audit.data.AuditChainRepository.ChainHead;
import com.coditect.audit.data.AuditChainRepository.ChainTip;
import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditEntryRepository;
import com.coditect.audit.model.Severity;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Writes one audit entry per domain event, at the head of its tenant's chain. Each entry is one
 * read (the chain head and the tenant's retention setting, together) and one transaction that
 * moves the chain head from the entry read to the new one only if no one moved it meanwhile,
 * claims the event's id, and writes the entry with its list rows: concurrent deliveries for a
 * tenant retry instead of forking the chain, and a redelivered event writes nothing.
 */
@Singleton
public final class AuditLogWriter {

  private static final int ATTEMPTS = 20;

  private final AuditChainRepository chain;
  private final AuditEntryRepository entries;
  private final Transactions transactions;
  private final Clock clock;
  private final Secrets secrets;
  private final String pseudonymKeySecret;

  @Inject
  AuditLogWriter(AuditChainRepository chain, AuditEntryRepository entries, Transactions transactions, Clock clock,
      Secrets secrets, AuditConfig config) {
    this.chain = chain;
    this.entries = entries;
    this.transactions = transactions;
    this.clock = clock;
    this.secrets = secrets;
    this.pseudonymKeySecret = config.pseudonymKeySecret();
  }

  /**
   * Records the event (the {@code detail} of a bus event). Returns false when it was recorded
   * before. Throws when the chain stayed contended for every attempt, so the bus redelivers.
   */
  public boolean record(JsonNode event, String source) {
    TenantId tenant = new TenantId(event.path("tenant_id").asText());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // The head and the tenant's retention, read together (one consistent BatchGetItem).
      ChainTip tip = chain.readTip(tenant);
      Optional<ChainHead> head = tip.head();
      boolean first = head.isEmpty();
      long seq = first ? 1 : head.get().seq() + 1;
      String prevHash = first ? AuditChain.genesis(tenant) : head.get().chainHash();
      Long prevTtl = first ? null : head.get().newestEntryTtl();
      AuditEntryItem entry = entry(tenant, event, source, seq, prevHash, prevTtl,
          AuditRetention.effectiveDays(tip.retentionSetting()));
      try {
        write(tenant, entry, first ? null : seq - 1).commit();
        return true;
      } catch (AlreadyRecorded recorded) {
        return false;
      } catch (HeadMoved | ConflictException raced) {
        // Another delivery for this tenant took the next place first: read the head again.
      }
    }
    throw new IllegalStateException("the audit chain of tenant " + tenant.value() + " stayed contended");
  }

  /**
   * The entry's one transaction: the chain head moved to it (only from the entry read), its event's
   * id claimed, and the entry with its list rows. Every part is a conditional Put: the role may
   * create items but never update or delete one.
   */
  private WriteTransaction write(TenantId tenant, AuditEntryItem entry, Long previousSeq) {
    WriteTransaction tx = transactions.begin();
    chain.advanceHead(tx, tenant, entry, previousSeq, HeadMoved::new);
    chain.claimEvent(tx, tenant, entry, AlreadyRecorded::new);
    entries.append(tx, tenant, entry, HeadMoved::new);
    return tx;
  }

  private AuditEntryItem entry(TenantId tenant, JsonNode event, String source, long seq, String prevHash,
      Long prevTtl, int retentionDays) {
    Instant now = clock.instant();
    // Fixed when written: the list rows copy it, and nothing may update an entry afterwards. Never
    // before the previous entry's: a lowered retention must not let newer entries expire first,
    // which would leave gaps in the chain that read as tampering.
    long byRetention = now.plus(Duration.ofDays(retentionDays)).getEpochSecond();
    long ttl = prevTtl == null ? byRetention : Math.max(byRetention, prevTtl);
    String action = event.path("action").asText();
    JsonNode actor = event.path("actor");
    String ipAddress = text(actor.path("ip"));
    String userAgent = text(actor.path("user_agent"));
    JsonNode request = event.path("request");
    JsonNode changes = event.path("changes");
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("source", source);
    metadata.put("occurred_at", text(event.path("occurred_at")));
    AuditEntryItem entry = AuditEntryItem.builder()
        .meta(AuditEntryRepository.newMeta(tenant, seq, Timestamps.format(now), ttl))
        .id(Ids.newId())
        .prevTtl(prevTtl)
        .seq(seq)
        .eventId(event.path("event_id").asText())
        .action(action)
        .resourceType(text(event.path("resource_type")))
        .resourceId(text(event.path("resource_id")))
        .userId(text(actor.path("user_id")))
        .ipAddress(ipAddress)
        .userAgent(userAgent)
        .ipPseudonym(pseudonym(tenant, ipAddress))
        .userAgentPseudonym(pseudonym(tenant, userAgent))
        .requestMethod(text(request.path("method")))
        .requestPath(text(request.path("path")))
        .changes(JsonText.write(changes.isObject() ? changes : JsonNodeFactory.instance.objectNode()))
        .metadata(JsonText.write(metadata))
        .severity(Severity.of(action))
        .prevHash(prevHash)
        .build();
    // Set last: the hash covers the chained attributes above.
    return entry.withHash(AuditChain.hash(prevHash, entry));
  }

  /** A keyed hash of a personal value: the same value gives the same pseudonym within a tenant. */
  private String pseudonym(TenantId tenant, String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = secrets.value(pseudonymKeySecret).getBytes(StandardCharsets.UTF_8);
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((tenant.value() + "\n" + value).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** The chain head moved since it was read. */
  private static final class HeadMoved extends RuntimeException {
    HeadMoved() {
      super(null, null, false, false);
    }
  }

  /** The event already has its entry. */
  private static final class AlreadyRecorded extends RuntimeException {
    AlreadyRecorded() {
      super(null, null, false, false);
    }
  }
}
