package com.coditect.audit.domain;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
import com.coditect.audit.data.AuditMarkerItem;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.UniqueItem;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

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
  /** Only what the write needs: the head's place and hash, the tenant's setting (not its profile). */
  private static final String READ_PROJECTION = "#pk, #sk, #seq, #hash, #newest, #days";
  private static final Map<String, String> READ_NAMES = Map.of("#pk", "PK", "#sk", "SK", "#seq", "seq",
      "#hash", "chain_hash", "#newest", "newest_entry_ttl", "#days", AuditRetention.ATTRIBUTE);

  private final SingleTable table;
  private static final Expression NEW = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final DynamoDbTable<AuditEntryItem> entries;
  private final DynamoDbTable<AuditMarkerItem> markers;
  private final Transactions transactions;
  private final Clock clock;
  private final Secrets secrets;
  private final String pseudonymKeySecret;

  @Inject
  AuditLogWriter(SingleTable table, Transactions transactions, Clock clock, Secrets secrets, AuditConfig config) {
    this.table = table;
    this.entries = table.view(AuditEntryItem.SCHEMA);
    this.markers = table.view(AuditMarkerItem.SCHEMA);
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
      ChainState state = read(tenant);
      Map<String, AttributeValue> head = state.head();
      boolean first = head == null;
      long seq = first ? 1 : Long.parseLong(head.get("seq").n()) + 1;
      String prevHash = first ? AuditChain.genesis(tenant) : head.get("chain_hash").s();
      Long prevTtl = first || head.get("newest_entry_ttl") == null ? null
          : Long.valueOf(head.get("newest_entry_ttl").n());
      AuditEntryItem entry = entry(tenant, event, source, seq, prevHash, prevTtl, state.retentionDays());
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
   * The chain head and the tenant's retention setting in one consistent BatchGetItem: the head must
   * be the newest (the write is conditional on it), and a retention just raised must apply to the
   * next entry. A key can come back unprocessed only when DynamoDB throttles; it is read again,
   * never taken as absent, since a missing head or setting would mean a wrong seq or a short ttl.
   */
  private ChainState read(TenantId tenant) {
    Key headKey = AuditKeys.chainHead(tenant);
    Key tenantKey = CoreKeys.tenant(tenant);
    Map<String, KeysAndAttributes> pending = Map.of(table.name(), KeysAndAttributes.builder()
        .keys(headKey.primaryKeyMap(UniqueItem.SCHEMA), tenantKey.primaryKeyMap(UniqueItem.SCHEMA))
        .consistentRead(true)
        .projectionExpression(READ_PROJECTION)
        .expressionAttributeNames(READ_NAMES)
        .build());
    Map<String, AttributeValue> head = null;
    Integer retention = null;
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> batch = pending;
      BatchGetItemResponse response = table.lowLevel().batchGetItem(b -> b.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
        if (isAt(item, headKey)) {
          head = item;
        } else if (isAt(item, tenantKey) && item.get(AuditRetention.ATTRIBUTE) != null) {
          retention = Integer.valueOf(item.get(AuditRetention.ATTRIBUTE).n());
        }
      }
      pending = response.unprocessedKeys();
    }
    return new ChainState(head, AuditRetention.effectiveDays(retention));
  }

  private static boolean isAt(Map<String, AttributeValue> item, Key key) {
    return key.partitionKeyValue().s().equals(item.get("PK").s())
        && key.sortKeyValue().orElseThrow().s().equals(item.get("SK").s());
  }

  /** What one read found: the chain head (null before the tenant's first entry) and the days to keep. */
  private record ChainState(Map<String, AttributeValue> head, int retentionDays) {}

  private WriteTransaction write(TenantId tenant, AuditEntryItem entry, Long previousSeq) {
    // Every part is a conditional Put: the role may create items but never update or delete one.
    Expression unmoved = previousSeq == null
        ? NEW
        : Expression.builder().expression("seq = :previous")
            .expressionValues(Map.of(":previous", AttributeValue.fromN(Long.toString(previousSeq)))).build();
    WriteTransaction tx = transactions.begin()
        .include(markers, AuditMarkerItem.head(AuditKeys.chainHead(tenant), entry), unmoved, HeadMoved::new)
        .include(markers, AuditMarkerItem.event(AuditKeys.eventSentinel(tenant, entry.eventId), entry), NEW,
            AlreadyRecorded::new);
    String order = AuditKeys.timeOrder(entry.createdAt, entry.seq);
    entry.gsi1pk = AuditKeys.byTime(tenant);
    entry.gsi1sk = order;
    tx.create(entries, entry, () -> new HeadMoved());
    for (String list : lists(tenant, entry)) {
      tx.put(entries, entry.rowAt(list, order));
    }
    return tx;
  }

  private static List<String> lists(TenantId tenant, AuditEntryItem entry) {
    List<String> lists = new ArrayList<>();
    lists.add(AuditKeys.byAction(tenant, entry.action));
    lists.add(AuditKeys.bySeverity(tenant, entry.severity));
    if (entry.userId != null) {
      lists.add(AuditKeys.byUser(tenant, entry.userId));
    }
    if (entry.resourceType != null && entry.resourceId != null) {
      lists.add(AuditKeys.byResource(tenant, entry.resourceType, entry.resourceId));
    }
    return lists;
  }

  private AuditEntryItem entry(TenantId tenant, JsonNode event, String source, long seq, String prevHash,
      Long prevTtl, int retentionDays) {
    Instant now = clock.instant();
    AuditEntryItem entry = new AuditEntryItem();
    entry.id = Ids.newId();
    var key = AuditKeys.entry(tenant, seq);
    entry.pk = key.partitionKeyValue().s();
    entry.sk = key.sortKeyValue().orElseThrow().s();
    entry.entityType = AuditKeys.ENTRY;
    entry.createdAt = Timestamps.format(now);
    // Fixed when written: the list rows copy it, and nothing may update an entry afterwards. Never
    // before the previous entry's: a lowered retention must not let newer entries expire first,
    // which would leave gaps in the chain that read as tampering.
    long byRetention = now.plus(Duration.ofDays(retentionDays)).getEpochSecond();
    entry.ttl = prevTtl == null ? byRetention : Math.max(byRetention, prevTtl);
    entry.prevTtl = prevTtl;
    entry.seq = seq;
    entry.eventId = event.path("event_id").asText();
    entry.action = event.path("action").asText();
    entry.resourceType = text(event.path("resource_type"));
    entry.resourceId = text(event.path("resource_id"));
    JsonNode actor = event.path("actor");
    entry.userId = text(actor.path("user_id"));
    entry.ipAddress = text(actor.path("ip"));
    entry.userAgent = text(actor.path("user_agent"));
    entry.ipPseudonym = pseudonym(tenant, entry.ipAddress);
    entry.userAgentPseudonym = pseudonym(tenant, entry.userAgent);
    JsonNode request = event.path("request");
    entry.requestMethod = text(request.path("method"));
    entry.requestPath = text(request.path("path"));
    JsonNode changes = event.path("changes");
    entry.changes = JsonText.write(changes.isObject() ? changes : JsonNodeFactory.instance.objectNode());
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("source", source);
    metadata.put("occurred_at", text(event.path("occurred_at")));
    entry.metadata = JsonText.write(metadata);
    entry.severity = Severity.of(entry.action);
    entry.prevHash = prevHash;
    entry.hash = AuditChain.hash(prevHash, entry);
    return entry;
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
