package com.coditect.billing.data;

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

/** Reads the platform's tax rates by the access patterns of docs/access-patterns.md; claims their Stripe ids. */
@Singleton
public final class TaxRateRepository extends ItemRepository<TaxRateItem> {

  private final Queries queries;

  @Inject
  public TaxRateRepository(SingleTable table, Queries queries) {
    super(table, TaxRateItem.SCHEMA);
    this.queries = queries;
  }

  /** One tax rate: one GetItem. */
  public Optional<TaxRateItem> find(String taxRateId) {
    return Optional.ofNullable(table.getItem(BillingKeys.taxRate(taxRateId)));
  }

  /**
   * One page of rates, oldest first: every rate (GSI1), a country's (GSI2) or one state's of a
   * country (GSI2, sort-key prefix); {@code active}, and a state code without a country, narrow them
   * with a filter expression.
   */
  public ResultPage<TaxRateItem> list(Optional<String> countryCode, Optional<String> stateCode,
      Optional<Boolean> active, PageRequest page) {
    Expression filter = active.map(TaxRateRepository::activeIs).orElse(null);
    String scope = countryCode.orElse("") + "|" + stateCode.orElse("") + "|" + active.map(String::valueOf).orElse("");
    if (countryCode.isEmpty()) {
      // A state code alone (the same code in any country) narrows the platform's list: rates are few.
      Expression byState = stateCode.map(state -> Expression.builder().expression("state_code = :state")
          .expressionValues(Map.of(":state", AttributeValue.fromS(state))).build()).orElse(null);
      String partition = BillingKeys.taxRates();
      return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
          Expression.join(filter, byState, " AND "), page, partition + "|" + scope, false);
    }
    String partition = BillingKeys.taxRatesOfCountry(countryCode.get());
    QueryConditional condition = stateCode
        .map(state -> QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition)
            .sortValue(BillingKeys.taxRateStatePrefix(state)).build()))
        .orElseGet(() -> QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()));
    return queries.page(table, ItemMeta.GSI2, condition, filter, page, partition + "|" + scope, false);
  }

  /**
   * Every active rate that applies to an address in {@code countryCode} (and {@code stateCode}, if
   * any): the country-wide ones and the state's. One Query of the country's rates (a country has a
   * handful), page after page.
   */
  public List<TaxRateItem> applicable(String countryCode, String stateCode) {
    String partition = BillingKeys.taxRatesOfCountry(countryCode);
    List<TaxRateItem> found = new ArrayList<>();
    table.index(ItemMeta.GSI2)
        .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
            .filterExpression(activeIs(true)))
        .forEach(page -> page.items().stream()
            .filter(rate -> rate.stateCode() == null || rate.stateCode().equals(stateCode))
            .forEach(found::add));
    return found;
  }

  /** Claims a Stripe tax rate id for one rate of the platform; a clash is a 409 naming {@code stripe_tax_rate_id}. */
  public void claimStripeId(WriteTransaction tx, String stripeTaxRateId, String taxRateId) {
    tx.claimPlatformUnique(BillingKeys.UNIQUE_STRIPE_TAX_RATE, stripeTaxRateId, taxRateId, "stripe_tax_rate_id");
  }

  /** The common attributes of a new tax rate. */
  public static ItemMeta newMeta(String taxRateId, String now) {
    return ItemMeta.created(BillingKeys.taxRate(taxRateId), TaxRateItem.ENTITY, now);
  }

  /** {@code rate} with the index keys that place it in the platform's list and its country's. */
  public static TaxRateItem indexed(TaxRateItem rate) {
    return rate.withIndex1(BillingKeys.taxRates(), rate.id())
        .withIndex2(BillingKeys.taxRatesOfCountry(rate.countryCode()), BillingKeys.taxRateSort(rate.stateCode(), rate.id()));
  }

  private static Expression activeIs(boolean active) {
    return Expression.builder().expression("active = :active")
        .expressionValues(Map.of(":active", AttributeValue.fromBool(active))).build();
  }
}
