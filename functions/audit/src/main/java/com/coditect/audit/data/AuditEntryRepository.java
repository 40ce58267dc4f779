package com.coditect.audit.data;

import com.coditect.audit.api.AuditLogFilters;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages of the audit log, newest first, one Query each. The most selective filter picks the list
 * (resource type and id, then user, action, severity, else the by-time index); {@code from}/{@code to} are a
 * range of its sort key; the other filters and "not past retention" narrow it with a filter
 * expression.
 */
@Singleton
public final class AuditEntryRepository {

  /** Sorts after every {@code #<seq>} suffix, so {@code to} includes its own millisecond. */
  private static final String AFTER_SEQ = "#~";

  private final DynamoDbTable<AuditEntryItem> table;
  private final Queries queries;
  private final Clock clock;

  @Inject
  AuditEntryRepository(SingleTable table, Queries queries, Clock clock) {
    this.table = table.view(AuditEntryItem.SCHEMA);
    this.queries = queries;
    this.clock = clock;
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
      partition = AuditKeys.bySeverity(tenant, filters.severity().get());
      keyed = Set.of("severity");
    } else {
      index = TableItem.GSI1;
      partition = AuditKeys.byTime(tenant);
      keyed = Set.of();
    }
    Narrowing narrowing = new Narrowing(keyed);
    filters.userId().ifPresent(user -> narrowing.equal("user_id", user));
    filters.action().ifPresent(action -> narrowing.equal("action", action));
    filters.severity().ifPresent(severity -> narrowing.equal("severity", severity));
    filters.resourceType().ifPresent(type -> narrowing.equal("resource_type", type));
    filters.resourceId().ifPresent(id -> narrowing.equal("resource_id", id));
    narrowing.notExpired(clock.instant().getEpochSecond());
    return queries.page(table, index, range(partition, filters), narrowing.expression(), page,
        tenant.value() + "#audit-logs#" + filters.describe(), true);
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
