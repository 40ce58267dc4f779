package com.coditect.dms.data;

import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A document's activity rows: appended in the transaction of the action they record. */
@Singleton
public final class DocumentActivityRepository extends ItemRepository<DocumentActivityItem> {

  private final Queries queries;

  @Inject
  public DocumentActivityRepository(SingleTable table, Queries queries) {
    super(table, DocumentActivityItem.SCHEMA);
    this.queries = queries;
  }

  /** An activity row's key under its document, its entity type and its time; append-only, so unversioned. */
  public static ItemMeta newMeta(TenantId tenant, String documentId, String activityId, String now) {
    return ItemMeta.at(DmsKeys.activity(tenant, documentId, activityId), DocumentActivityItem.ENTITY)
        .withCreatedAt(now);
  }

  /** Adds {@code row} (keyed by {@link #newMeta}) under its document, and in its user's activity if it has a user. */
  public void append(WriteTransaction tx, TenantId tenant, DocumentActivityItem row) {
    put(tx, row.userId() == null ? row : row.withIndex1(DmsKeys.activityOfUser(tenant, row.userId()), row.id()));
  }

  /**
   * A page of a document's activity, newest first (ids are UUIDv7): one Query of the document's
   * partition from {@code ACTIVITY#}. {@code action} and {@code userId} (null: any) filter the rows
   * the page read, so a filtered page may hold fewer rows than its limit and still have a cursor.
   */
  public ResultPage<DocumentActivityItem> newestFirst(TenantId tenant, String documentId,
      @Nullable DocumentActivityAction action, @Nullable String userId, PageRequest page) {
    String partition = DmsKeys.documentPartition(tenant, documentId);
    QueryConditional rows = QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition)
        .sortValue(DmsKeys.activityPrefix()).build());
    List<String> terms = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (action != null) {
      terms.add("#action = :action");
      names.put("#action", "action");
      values.put(":action", AttributeValue.fromS(action.apiName()));
    }
    if (userId != null) {
      terms.add("#user = :user");
      names.put("#user", "user_id");
      values.put(":user", AttributeValue.fromS(userId));
    }
    Expression filter = terms.isEmpty() ? null : Expression.builder().expression(String.join(" AND ", terms))
        .expressionNames(names).expressionValues(values).build();
    // The cursor is bound to the filters, so a page cursor cannot be replayed under other ones.
    String scope = partition + "#ACTIVITY#" + (action == null ? "" : action.apiName()) + "#"
        + (userId == null ? "" : userId);
    return queries.page(table, null, rows, filter, page, scope, true);
  }

  /** A page of one user's document activity across the tenant, newest first: one Query on GSI1. */
  public ResultPage<DocumentActivityItem> ofUser(TenantId tenant, String userId, PageRequest page) {
    String partition = DmsKeys.activityOfUser(tenant, userId);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition)
        .build()), page, partition, true);
  }
}
