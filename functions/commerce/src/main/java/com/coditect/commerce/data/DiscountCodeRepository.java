package com.coditect.commerce.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The platform's discount codes: one by its code, or all of them, by the access patterns of docs/access-patterns.md. */
@Singleton
public final class DiscountCodeRepository extends ItemRepository<DiscountCodeItem> {

  private final Queries queries;

  @Inject
  public DiscountCodeRepository(SingleTable table, Queries queries) {
    super(table, DiscountCodeItem.SCHEMA);
    this.queries = queries;
  }

  /** One code (upper case): one GetItem. */
  public Optional<DiscountCodeItem> find(String code) {
    return Optional.ofNullable(table.getItem(CommerceKeys.discountCode(code)));
  }

  /** Every code, oldest first: one Query on GSI1. */
  public ResultPage<DiscountCodeItem> list(PageRequest page) {
    String partition = CommerceKeys.discountCodes();
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        null, page, partition, false);
  }

  public static ItemMeta newMeta(String code, String now) {
    return ItemMeta.created(CommerceKeys.discountCode(code), DiscountCodeItem.ENTITY, now);
  }

  public static DiscountCodeItem indexed(DiscountCodeItem code) {
    return code.withIndex1(CommerceKeys.discountCodes(), code.id());
  }
}
