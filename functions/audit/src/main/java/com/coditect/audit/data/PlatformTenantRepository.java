package com.coditect.audit.data;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantStatus;
import java.util.Map;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every tenant of the platform, from the list tenancy writes on GSI1 ({@code PLATFORM#TENANTS}):
 * one Query per page, for platform jobs only (no request path reads across tenants).
 */
@Singleton
public final class PlatformTenantRepository {

  static final int PAGE_SIZE = 100;

  /** A tenant of the list: its id and status (null when missing or not one the platform knows). */
  public record ListedTenant(String id, TenantStatus status) {

    /** A tenant in use (not suspended, not being deleted). */
    public boolean isActive() {
      return status == TenantStatus.ACTIVE;
    }
  }

  private final SingleTable table;

  @Inject
  PlatformTenantRepository(SingleTable table) {
    this.table = table;
  }

  /** Visits every listed tenant, oldest first; returns how many. */
  public long forEach(Consumer<ListedTenant> visitor) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(ItemMeta.GSI1)
        .keyConditionExpression("GSI1PK = :pk")
        .projectionExpression("id, #status")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CoreKeys.platformTenants())))
        .limit(PAGE_SIZE);
    Map<String, AttributeValue> startKey = null;
    long count = 0;
    do {
      if (startKey != null) {
        query.exclusiveStartKey(startKey);
      }
      QueryResponse page = table.lowLevel().query(query.build());
      for (Map<String, AttributeValue> item : page.items()) {
        AttributeValue status = item.get("status");
        visitor.accept(new ListedTenant(item.get("id").s(),
            status == null ? null : Choice.fromApiName(TenantStatus.class, status.s()).orElse(null)));
        count++;
      }
      startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return count;
  }
}
