package com.coditect.shared.store;

import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Runs one page of a key-condition query: exactly one DynamoDB {@code Query} call. */
@Singleton
public final class Queries {

  private final CursorCodec cursors;

  @Inject
  public Queries(CursorCodec cursors) {
    this.cursors = cursors;
  }

  /**
   * One page from the table ({@code index == null}) or a GSI.
   *
   * @param scope what the cursor is bound to: tenant, list and filter values
   */
  public <T> ResultPage<T> page(
      DynamoDbTable<T> table, String index, QueryConditional condition, PageRequest request,
      String scope, boolean newestFirst) {
    return page(table, index, condition, null, request, scope, newestFirst);
  }

  /**
   * One page narrowed by {@code filter} (null: none). DynamoDB applies the filter after reading
   * {@code limit} items, so a page may hold fewer items than asked for and still have a cursor;
   * it is still one call.
   */
  public <T> ResultPage<T> page(
      DynamoDbTable<T> table, String index, QueryConditional condition, Expression filter, PageRequest request,
      String scope, boolean newestFirst) {
    QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
        .queryConditional(condition)
        .limit(request.limit())
        .scanIndexForward(!newestFirst);
    if (filter != null) {
      query.filterExpression(filter);
    }
    request.cursor().ifPresent(cursor -> query.exclusiveStartKey(cursors.decode(scope, cursor)));
    // Taking only the first page of the iterable keeps this to one call.
    Page<T> page = index == null
        ? table.query(query.build()).iterator().next()
        : table.index(index).query(query.build()).iterator().next();
    return new ResultPage<>(page.items(), cursors.encode(scope, page.lastEvaluatedKey()));
  }
}
