package com.coditect.commerce.domain;

import com.coditect.commerce.api.CreateProductRequest;
import com.coditect.commerce.api.ProductFilters;
import com.coditect.commerce.api.ProductResponse;
import com.coditect.commerce.api.UpdateProductRequest;
import com.coditect.commerce.data.ProductItem;
import com.coditect.commerce.data.ProductRepository;
import com.coditect.commerce.data.StripeCatalog;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The platform's catalog, kept by platform administrators, each product with its twins in Stripe
 * (a Product and the Price of its current amount). Stripe is written first, with idempotency keys,
 * then the table, so a failed write leaves at most Stripe objects nothing points at, which the
 * retry (same key) finds again. Changes are recorded in the platform's own audit trail.
 */
@Singleton
public final class ProductService {

  static final String TYPE = "product";

  private final ProductRepository products;
  private final StripeCatalog stripe;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<ProductItem, ProductResponse> resource;

  @Inject
  ProductService(ProductRepository products, StripeCatalog stripe, Clock clock, VersionedWriter writer) {
    this.products = products;
    this.stripe = stripe;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(products, ProductResponse::from, ProductItem::id, TYPE);
  }

  public ResultPage<ProductResponse> list(ProductFilters filters, PageRequest page) {
    return products.list(filters.active(), filters.interval(), page).map(ProductResponse::from);
  }

  public Versioned<ProductResponse> get(String productId) {
    ProductItem product = find(productId);
    return new Versioned<>(ProductResponse.from(product), product.version());
  }

  public Created<ProductResponse> create(Caller caller, CreateProductRequest request, IdempotencyClaim claim) {
    String id = Ids.newId();
    ProductItem draft = ProductItem.builder()
        .meta(ProductRepository.newMeta(id, Timestamps.now(clock)))
        .id(id)
        .sku(request.sku())
        .name(request.name())
        .description(request.description())
        .priceCents(request.priceCents())
        .currency(request.currency())
        .interval(request.interval())
        .active(request.active())
        .stripeProductId("pending")
        .stripePriceId("pending")
        .build();
    String key = claim.derivedKey("product-create").orElse("product-create:" + id);
    String stripeProduct = stripe.createProduct(draft, key + ":product");
    String stripePrice = stripe.createPrice(draft, stripeProduct, key + ":price");
    ProductItem product = ProductRepository.indexed(draft.withStripeProductId(stripeProduct).withStripePriceId(stripePrice));
    return writer.create(TenantId.PLATFORM, caller.actor(), resource, product, "/v1/products/" + id, claim,
        tx -> products.claimSku(tx, product.sku(), id));
  }

  /**
   * Stripe first: a new price when the amount, currency or interval changes (the old one is
   * deactivated once the table points at the new), then the product's fields; then the table at
   * the version read.
   */
  public Versioned<ProductResponse> update(Caller caller, String productId, Optional<Long> ifMatch,
      UpdateProductRequest request) {
    ProductItem product = find(productId);
    String updateKey = "product-update:" + productId + ":" + product.version();
    ProductItem changed = product
        .withName(request.name().orElse(product.name()))
        .withDescription(request.description().orElse(product.description()))
        .withPriceCents(request.priceCents().map(Integer::longValue).orElse(product.priceCents()))
        .withCurrency(request.currency().orElse(product.currency()))
        .withInterval(request.interval().orElse(product.interval()))
        .withActive(request.active().orElse(product.active()));
    boolean newPrice = !changed.priceCents().equals(product.priceCents()) || !changed.currency().equals(product.currency())
        || changed.interval() != product.interval();
    ProductItem target = newPrice
        ? changed.withStripePriceId(stripe.createPrice(changed, product.stripeProductId(), updateKey + ":price"))
        : changed;
    Versioned<ProductResponse> updated = writer.update(TenantId.PLATFORM, caller.actor(), resource, product, ifMatch,
        TYPE + ".updated", p -> ProductRepository.indexed(target.withMeta(p.meta())),
        (written, tx) -> stripe.updateProduct(written, updateKey + ":product:" + Objects.hash(written.name(),
            written.description(), written.active(), written.stripePriceId())));
    if (newPrice && updated.version() != product.version()) {
      stripe.deactivatePrice(product.stripePriceId(), updateKey + ":retire");
    }
    return updated;
  }

  private ProductItem find(String productId) {
    return products.find(productId).orElseThrow(() -> new NotFoundException("The product was not found."));
  }
}
