package com.coditect.audit.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Streams a period's audit entries page by page from the by-time list (GSI1, oldest first), handing
 * each to a visitor and keeping none: memory holds one page, whatever the period's size. Only the
 * attributes a report counts are read back.
 */
@Singleton
public final class AuditPeriodScan {

  /** Bounds one page's memory: a page is at most this many entries of a few small attributes. */
  static final int PAGE_SIZE = 500;

  /** What a report needs of one entry. */
  @FunctionalInterface
  public interface Visitor {
    void entry(String action, String severity, String changes);
  }

  private final SingleTable table;
  private final Clock clock;

  @Inject
  AuditPeriodScan(SingleTable table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  /**
   * Visits every entry created from {@code start} 00:00Z up to (not including) the day after
   * {@code end}, leaving out entries past their retention as the log does. Returns the pages read.
   */
  public int forEach(TenantId tenant, LocalDate start, LocalDate end, Visitor visitor) {
    // The by-time sort key is <created_at>#<seq>: every entry of the last day sorts below the next
    // day's midnight, and the first day's midnight sorts below its entries.
    String from = start + "T00:00:00.000Z";
    String until = end.plusDays(1) + "T00:00:00.000Z";
    QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(TableItem.GSI1)
        .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :until")
        .filterExpression("#ttl > :now")
        .projectionExpression("#action, severity, changes")
        .expressionAttributeNames(Map.of("#ttl", "ttl", "#action", "action"))
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(AuditKeys.byTime(tenant)),
            ":from", AttributeValue.fromS(from),
            ":until", AttributeValue.fromS(until),
            ":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))))
        .limit(PAGE_SIZE);
    Map<String, AttributeValue> startKey = null;
    int pages = 0;
    do {
      if (startKey != null) {
        query.exclusiveStartKey(startKey);
      }
      QueryResponse page = table.lowLevel().query(query.build());
      pages++;
      for (Map<String, AttributeValue> item : page.items()) {
        visitor.entry(text(item, "action"), text(item, "severity"), text(item, "changes"));
      }
      startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return pages;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
