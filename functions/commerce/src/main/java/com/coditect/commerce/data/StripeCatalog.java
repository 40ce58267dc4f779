package com.coditect.commerce.data;

import com.coditect.billing.data.StripeFailures;
import com.coditect.commerce.model.ProductInterval;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.common.EmptyParam;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The catalog's twins in Stripe: a Product per product, and a Price per amount, currency and
 * interval it has had (Stripe's prices are immutable: a new amount is a new Price, the old one is
 * deactivated). Every call carries the idempotency key it is given.
 */
@Singleton
public final class StripeCatalog {

  private final Lazy<StripeClient> stripe;

  @Inject
  StripeCatalog(Lazy<StripeClient> stripe) {
    this.stripe = stripe;
  }

  /** Creates the Stripe product of {@code product} (its Stripe ids not set yet); returns its id. */
  public String createProduct(ProductItem product, String idempotencyKey) {
    ProductCreateParams.Builder params = ProductCreateParams.builder()
        .setName(product.name())
        .setActive(product.active())
        .putMetadata("coditect_product_id", product.id())
        .putMetadata("sku", product.sku());
    if (product.description() != null) {
      params.setDescription(product.description());
    }
    try {
      return stripe.get().v1().products().create(params.build(), options(idempotencyKey)).getId();
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "product");
    }
  }

  /** Creates the Stripe price of {@code product}'s amount, currency and interval; returns its id. */
  public String createPrice(ProductItem product, String stripeProductId, String idempotencyKey) {
    PriceCreateParams.Builder params = PriceCreateParams.builder()
        .setProduct(stripeProductId)
        .setUnitAmount(product.priceCents())
        .setCurrency(product.currency())
        .putMetadata("coditect_product_id", product.id());
    if (product.interval() != ProductInterval.ONE_TIME) {
      params.setRecurring(PriceCreateParams.Recurring.builder()
          .setInterval(product.interval() == ProductInterval.MONTH
              ? PriceCreateParams.Recurring.Interval.MONTH : PriceCreateParams.Recurring.Interval.YEAR)
          .build());
    }
    try {
      return stripe.get().v1().prices().create(params.build(), options(idempotencyKey)).getId();
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "price");
    }
  }

  /** Sends the product's name, description and active flag, and (when it changed) its default price. */
  public void updateProduct(ProductItem product, String idempotencyKey) {
    ProductUpdateParams.Builder params = ProductUpdateParams.builder()
        .setName(product.name())
        .setActive(product.active())
        .setDefaultPrice(product.stripePriceId());
    if (product.description() != null) {
      params.setDescription(product.description());
    } else {
      params.setDescription(EmptyParam.EMPTY);
    }
    try {
      stripe.get().v1().products().update(product.stripeProductId(), params.build(), options(idempotencyKey));
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "product");
    }
  }

  /** A replaced price stays in Stripe for what it already billed, inactive for anything new. */
  public void deactivatePrice(String stripePriceId, String idempotencyKey) {
    try {
      stripe.get().v1().prices().update(stripePriceId, PriceUpdateParams.builder().setActive(false).build(),
          options(idempotencyKey));
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "price");
    }
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }
}
