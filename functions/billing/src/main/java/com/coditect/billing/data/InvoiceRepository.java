package com.coditect.billing.data;

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

/** A tenant's invoices, by the access patterns of docs/access-patterns.md. */
@Singleton
public final class InvoiceRepository extends ItemRepository<InvoiceItem> {

  private final Queries queries;

  @Inject
  public InvoiceRepository(SingleTable table, Queries queries) {
    super(table, InvoiceItem.SCHEMA);
    this.queries = queries;
  }

  /** One invoice: one GetItem (strongly consistent before a webhook's change of it). */
  public Optional<InvoiceItem> find(TenantId tenant, String invoiceId, boolean consistent) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.invoice(tenant, invoiceId)).consistentRead(consistent)));
  }

  /** The tenant's invoices, newest first; {@code subscriptionId} narrows them with a filter expression. */
  public ResultPage<InvoiceItem> list(TenantId tenant, Optional<String> subscriptionId, PageRequest page) {
    String partition = BillingKeys.invoices(tenant);
    Expression filter = subscriptionId.map(id -> Expression.builder().expression("subscription_id = :subscription")
        .expressionValues(Map.of(":subscription", AttributeValue.fromS(id))).build()).orElse(null);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, partition + "|" + subscriptionId.orElse(""), true);
  }

  public static ItemMeta newMeta(TenantId tenant, String invoiceId, String now) {
    return ItemMeta.created(BillingKeys.invoice(tenant, invoiceId), InvoiceItem.ENTITY, now);
  }

  public static InvoiceItem indexed(TenantId tenant, InvoiceItem invoice) {
    return invoice.withIndex1(BillingKeys.invoices(tenant), invoice.id());
  }
}
