package com.coditect.audit.data;

import com.coditect.audit.api.AuditLogFilters;
import com.coditect.audit.model.Severity;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit entries: their append (the entry and its list rows), the pages of the audit log and the
 * scan of a report's period.
 *
 * <p>Pages of the audit log are newest first, one Query each. The most selective filter picks the
 * list (resource type and id, then user, action, severity, else the by-time index);
 * {@code from}/{@code to} are a range of its sort key; the other filters and "not past retention"
 * narrow it with a filter expression.
 */
@Singleton
public final class AuditEntryRepository extends ItemRepository<AuditEntryItem> {

  /** Sorts after every {@code #<seq>} suffix, so {@code to} includes its own millisecond. */
  private static final String AFTER_SEQ = "#~";
  /** Bounds one period page's memory: a page is at most this many entries of a few small attributes. */
  static final int PERIOD_PAGE_SIZE = 500;
  /** Reads a projected severity as the item's schema does. */
  private static final ChoiceConverter<Severity> SEVERITY = ChoiceConverter.of(Severity.class);

  /** What a report needs of one entry of its period. */
  @FunctionalInterface
  public interface PeriodVisitor {
    void entry(String action, Severity severity, String changes);
  }

  private final SingleTable singleTable;
  private final Queries queries;
  private final Clock clock;

  @Inject
  AuditEntryRepository(SingleTable table, Queries queries, Clock clock) {
    super(table, AuditEntryItem.SCHEMA);
    this.singleTable = table;
    this.queries = queries;
    this.clock = clock;
  }

  /**
   * The common attributes of a new entry at {@code seq} in the tenant's chain, created at
   * {@code now} and kept until {@code ttl} (epoch seconds). Entries are never updated: no version.
   */
  public static ItemMeta newMeta(TenantId tenant, long seq, String now, long ttl) {
    return ItemMeta.at(AuditKeys.entry(tenant, seq), AuditKeys.ENTRY).withCreatedAt(now).withTtl(ttl);
  }

  /**
   * Adds {@code entry} (at its seq, by {@link #newMeta}) to the tenant's chain, on the by-time
   * index, with a full copy on each list it belongs to; the transaction fails with {@code onTaken}
   * if its seq is taken.
   */
  public void append(WriteTransaction tx, TenantId tenant, AuditEntryItem entry,
      Supplier<? extends RuntimeException> onTaken) {
    String order = AuditKeys.timeOrder(entry.createdAt(), entry.seq());
    AuditEntryItem onTime = entry.withIndex1(AuditKeys.byTime(tenant), order);
    create(tx, onTime, onTaken);
    for (String list : lists(tenant, entry)) {
      put(tx, onTime.rowAt(list, order));
    }
  }

  private static List<String> lists(TenantId tenant, AuditEntryItem entry) {
    List<String> lists = new ArrayList<>();
    lists.add(AuditKeys.byAction(tenant, entry.action()));
    lists.add(AuditKeys.bySeverity(tenant, entry.severity().apiName()));
    if (entry.userId() != null) {
      lists.add(AuditKeys.byUser(tenant, entry.userId()));
    }
    if (entry.resourceType() != null && entry.resourceId() != null) {
      lists.add(AuditKeys.byResource(tenant, entry.resourceType(), entry.resourceId()));
    }
    return lists;
  }

  public ResultPage<AuditEntryItem> list(TenantId tenant, AuditLogFilters filters, PageRequest page) {
    if (filters.from().isPresent() && filters.to().isPresent() && filters.from().get().isAfter(filters.to().get())) {
      // A range that ends before it starts holds nothing; DynamoDB refuses such a BETWEEN.
      return new ResultPage<>(List.of(), null);
    }
    String index = null;
    String partition;
    Set<String> keyed;
    if (filters.resourceId().isPresent() && filters.resourceType().isPresent()) {
      partition = AuditKeys.byResource(tenant, filters.resourceType().get(), filters.resourceId().get());
      keyed = Set.of("resource_type", "resource_id");
    } else if (filters.userId().isPresent()) {
      partition = AuditKeys.byUser(tenant, filters.userId().get());
      keyed = Set.of("user_id");
    } else if (filters.action().isPresent()) {
      partition = AuditKeys.byAction(tenant, filters.action().get());
      keyed = Set.of("action");
    } else if (filters.severity().isPresent()) {
      partition = AuditKeys.bySeverity(tenant, filters.severity().get().apiName());
      keyed = Set.of("severity");
    } else {
      index = ItemMeta.GSI1;
      partition = AuditKeys.byTime(tenant);
      keyed = Set.of();
    }
    Narrowing narrowing = new Narrowing(keyed);
    filters.userId().ifPresent(user -> narrowing.equal("user_id", user));
    filters.action().ifPresent(action -> narrowing.equal("action", action));
    filters.severity().ifPresent(severity -> narrowing.equal("severity", severity.apiName()));
    filters.resourceType().ifPresent(type -> narrowing.equal("resource_type", type));
    filters.resourceId().ifPresent(id -> narrowing.equal("resource_id", id));
    narrowing.notExpired(clock.instant().getEpochSecond());
    return queries.page(table, index, range(partition, filters), narrowing.expression(), page,
        tenant.value() + "#audit-logs#" + filters.describe(), true);
  }

  /**
   * Streams a period's entries page by page from the by-time list (GSI1, oldest first), handing
   * each to {@code visitor} and keeping none: memory holds one page, whatever the period's size.
   * Only the attributes a report counts are read back. Visits every entry created from
   * {@code start} 00:00Z up to (not including) the day after {@code end}, leaving out entries past
   * their retention as the log does. Returns the pages read.
   */
  public int forEachInPeriod(TenantId tenant, LocalDate start, LocalDate end, PeriodVisitor visitor) {
    // The by-time sort key is <created_at>#<seq>: every entry of the last day sorts below the next
    // day's midnight, and the first day's midnight sorts below its entries.
    String from = start + "T00:00:00.000Z";
    String until = end.plusDays(1) + "T00:00:00.000Z";
    QueryRequest.Builder query = QueryRequest.builder().tableName(singleTable.name()).indexName(ItemMeta.GSI1)
        .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :until")
        .filterExpression("#ttl > :now")
        .projectionExpression("#action, severity, changes")
        .expressionAttributeNames(Map.of("#ttl", "ttl", "#action", "action"))
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(AuditKeys.byTime(tenant)),
            ":from", AttributeValue.fromS(from),
            ":until", AttributeValue.fromS(until),
            ":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))))
        .limit(PERIOD_PAGE_SIZE);
    Map<String, AttributeValue> startKey = null;
    int pages = 0;
    do {
      if (startKey != null) {
        query.exclusiveStartKey(startKey);
      }
      QueryResponse page = singleTable.lowLevel().query(query.build());
      pages++;
      for (Map<String, AttributeValue> item : page.items()) {
        AttributeValue severity = item.get("severity");
        visitor.entry(text(item, "action"), severity == null ? null : SEVERITY.transformTo(severity),
            text(item, "changes"));
      }
      startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return pages;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static QueryConditional range(String partition, AuditLogFilters filters) {
    String from = filters.from().map(Timestamps::format).orElse(null);
    String to = filters.to().map(instant -> Timestamps.format(instant) + AFTER_SEQ).orElse(null);
    if (from != null && to != null) {
      return QueryConditional.sortBetween(key(partition, from), key(partition, to));
    }
    if (from != null) {
      return QueryConditional.sortGreaterThanOrEqualTo(key(partition, from));
    }
    if (to != null) {
      return QueryConditional.sortLessThanOrEqualTo(key(partition, to));
    }
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }

  private static Key key(String partition, String sort) {
    return Key.builder().partitionValue(partition).sortValue(sort).build();
  }

  /**
   * The filter expression: an equality per filter the list's key does not already cover, and
   * always the retention check.
   */
  private static final class Narrowing {
    private final Set<String> keyed;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    Narrowing(Set<String> keyed) {
      this.keyed = keyed;
    }

    void equal(String attribute, String value) {
      if (keyed.contains(attribute)) {
        return;
      }
      String name = "#f" + conditions.size();
      String placeholder = ":f" + conditions.size();
      conditions.add(name + " = " + placeholder);
      names.put(name, attribute);
      values.put(placeholder, AttributeValue.fromS(value));
    }

    /** An entry past its retention is not served, even before DynamoDB's TTL removes it. */
    void notExpired(long nowEpochSecond) {
      conditions.add("#ttl > :now");
      names.put("#ttl", "ttl");
      values.put(":now", AttributeValue.fromN(Long.toString(nowEpochSecond)));
    }

    Expression expression() {
      return Expression.builder().expression(String.join(" AND ", conditions)).expressionNames(names)
          .expressionValues(values).build();
    }
  }
}
