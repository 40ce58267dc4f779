package com.coditect.billing.data;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The pointers from Stripe's ids to the tenants' items (see {@link StripeObjectItem}). */
@Singleton
public final class StripeObjectRepository extends ItemRepository<StripeObjectItem> {

  @Inject
  public StripeObjectRepository(SingleTable table) {
    super(table, StripeObjectItem.SCHEMA);
  }

  /**
   * Where a Stripe id leads: one strongly consistent GetItem (a webhook may arrive right after the
   * write that made the pointer).
   */
  public Optional<StripeObjectItem> find(String stripeId) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.stripeObject(stripeId)).consistentRead(true)));
  }

  /** Adds the pointer of a new item's Stripe id; a Stripe id already pointing elsewhere is a 409 naming {@code field}. */
  public void point(WriteTransaction tx, String stripeId, TenantId tenant, String resourceType, String resourceId,
      String field, String now) {
    StripeObjectItem pointer = StripeObjectItem.builder()
        .meta(ItemMeta.created(BillingKeys.stripeObject(stripeId), StripeObjectItem.ENTITY, now))
        .stripeId(stripeId)
        .tenantId(tenant.value())
        .resourceType(resourceType)
        .resourceId(resourceId)
        .build();
    create(tx, pointer, () -> new ConflictException("The " + field + " is already in use.",
        List.of(new FieldError(field, "is already in use"))));
  }
}
