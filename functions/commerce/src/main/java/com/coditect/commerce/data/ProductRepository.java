package com.coditect.commerce.data;

import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the catalog by the access patterns of docs/access-patterns.md; claims and moves SKUs. */
@Singleton
public final class ProductRepository extends ItemRepository<ProductItem> {

  private final Queries queries;

  @Inject
  public ProductRepository(SingleTable table, Queries queries) {
    super(table, ProductItem.SCHEMA);
    this.queries = queries;
  }

  /** One product: one GetItem. */
  public Optional<ProductItem> find(String productId) {
    return Optional.ofNullable(table.getItem(CommerceKeys.product(productId)));
  }

  /** One page of the catalog, oldest first; {@code active} and {@code interval} narrow it with a filter expression. */
  public ResultPage<ProductItem> list(Optional<Boolean> active, Optional<ProductInterval> interval, PageRequest page) {
    List<String> conditions = new ArrayList<>();
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    active.ifPresent(a -> {
      conditions.add("active = :active");
      values.put(":active", AttributeValue.fromBool(a));
    });
    interval.ifPresent(i -> {
      conditions.add("#interval = :interval");
      values.put(":interval", AttributeValue.fromS(i.apiName()));
    });
    Expression filter = conditions.isEmpty() ? null : Expression.builder().expression(String.join(" AND ", conditions))
        .expressionValues(values).expressionNames(interval.isPresent() ? Map.of("#interval", "interval") : Map.of())
        .build();
    String partition = CommerceKeys.products();
    String scope = partition + "|" + active.map(String::valueOf).orElse("") + "|" + interval.map(ProductInterval::apiName)
        .orElse("");
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, scope, false);
  }

  /** Claims a SKU for a product; a clash is a 409 naming {@code sku}. */
  public void claimSku(WriteTransaction tx, String sku, String productId) {
    tx.claimPlatformUnique(CommerceKeys.UNIQUE_PRODUCT_SKU, sku, productId, "sku");
  }

  public static ItemMeta newMeta(String productId, String now) {
    return ItemMeta.created(CommerceKeys.product(productId), ProductItem.ENTITY, now);
  }

  public static ProductItem indexed(ProductItem product) {
    return product.withIndex1(CommerceKeys.products(), product.id());
  }
}
