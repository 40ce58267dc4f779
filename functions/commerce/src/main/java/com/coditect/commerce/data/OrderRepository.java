package com.coditect.commerce.data;

import com.coditect.commerce.model.OrderStatus;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A tenant's orders, by the access patterns of docs/access-patterns.md. */
@Singleton
public final class OrderRepository extends ItemRepository<OrderItem> {

  private final Queries queries;

  @Inject
  public OrderRepository(SingleTable table, Queries queries) {
    super(table, OrderItem.SCHEMA);
    this.queries = queries;
  }

  /** One order: one GetItem. */
  public Optional<OrderItem> find(TenantId tenant, String orderId) {
    return Optional.ofNullable(table.getItem(CommerceKeys.order(tenant, orderId)));
  }

  /** The tenant's orders, newest first; {@code status} narrows them with a filter expression. One Query on GSI1. */
  public ResultPage<OrderItem> list(TenantId tenant, Optional<OrderStatus> status, PageRequest page) {
    String partition = CommerceKeys.orders(tenant);
    Expression filter = status.map(s -> Expression.builder().expression("#status = :status")
        .expressionNames(Map.of("#status", "status")).expressionValues(Map.of(":status", AttributeValue.fromS(s.apiName())))
        .build()).orElse(null);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, partition + "|" + status.map(OrderStatus::apiName).orElse(""), true);
  }

  public static ItemMeta newMeta(TenantId tenant, String orderId, String now) {
    return ItemMeta.created(CommerceKeys.order(tenant, orderId), OrderItem.ENTITY, now);
  }

  public static OrderItem indexed(TenantId tenant, OrderItem order) {
    return order.withIndex1(CommerceKeys.orders(tenant), order.id());
  }
}
