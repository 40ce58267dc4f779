package com.coditect.billing.domain;

import com.coditect.billing.api.CreateSubscriptionRequest;
import com.coditect.billing.api.SubscriptionFilters;
import com.coditect.billing.api.SubscriptionResponse;
import com.coditect.billing.api.UpdateSubscriptionRequest;
import com.coditect.billing.data.StripeObjectItem;
import com.coditect.billing.data.StripeObjectRepository;
import com.coditect.billing.data.StripeSubscriptions;
import com.coditect.billing.data.SubscriptionItem;
import com.coditect.billing.data.SubscriptionRepository.CatalogPlan;
import com.coditect.billing.data.SubscriptionRepository.TenantBilling;
import com.coditect.billing.data.SubscriptionRepository;
import com.coditect.billing.model.SubscriptionStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Subscriptions: a tenant's, to a monthly or yearly product of the catalog, each the twin of a
 * Stripe subscription of the tenant's Stripe customer (made with its first subscription and kept
 * on the tenant as {@code stripe_customer_id}). Stripe decides the status; its webhook events bring
 * it here ({@link #apply}), never older over newer. Writes call Stripe first with idempotency keys
 * of ours, then write one transaction at the version read.
 */
@Singleton
public final class SubscriptionService {

  static final String TYPE = "subscription";
  private static final int ATTEMPTS = 5;
  private static final Actor STRIPE = Actor.system("stripe-webhook");
  private static final Log LOG = Log.forClass(SubscriptionService.class);

  private final SubscriptionRepository subscriptions;
  private final StripeObjectRepository stripeObjects;
  private final StripeSubscriptions stripe;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  SubscriptionService(SubscriptionRepository subscriptions, StripeObjectRepository stripeObjects,
      StripeSubscriptions stripe, Transactions transactions, Outbox outbox, Clock clock) {
    this.subscriptions = subscriptions;
    this.stripeObjects = stripeObjects;
    this.stripe = stripe;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public ResultPage<SubscriptionResponse> list(Caller caller, SubscriptionFilters filters, PageRequest page) {
    return subscriptions.list(caller.tenantId(), filters.status(), page).map(SubscriptionResponse::from);
  }

  public Versioned<SubscriptionResponse> get(Caller caller, String subscriptionId) {
    SubscriptionItem item = find(caller.tenantId(), subscriptionId, false);
    return new Versioned<>(SubscriptionResponse.from(item), item.version());
  }

  /**
   * Reads the tenant, the product and the request's idempotency record (one BatchGetItem), makes the tenant's Stripe customer if it
   * has none, the Stripe subscription, then one transaction: the subscription, its Stripe id's
   * pointer (and the customer's), the tenant's Stripe ids (at a new version), the event.
   */
  public Created<SubscriptionResponse> create(Caller caller, CreateSubscriptionRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    SubscriptionRepository.CreateReads found = subscriptions.findForCreate(tenant, request.productId(),
        idempotency.recordKey());
    // A replay of the same request ends here with its first answer, before Stripe is asked again.
    IdempotencyClaim claim = idempotency.claim(found.record());
    TenantBilling customer = found.tenant().orElseThrow(() -> new NotFoundException("The tenant was not found."));
    CatalogPlan plan = plan(found.plan());

    String id = Ids.newId();
    String key = claim.derivedKey(TYPE).orElse(TYPE + ":" + id);
    boolean newCustomer = customer.stripeCustomerId() == null;
    // One customer per tenant: the key is the tenant's, so racing first subscriptions share it.
    String customerId = newCustomer
        ? stripe.createCustomer(tenant.value(), customer.name(), customer.billingEmail(), "customer:" + tenant.value())
        : customer.stripeCustomerId();
    StripeSubscriptions.StripeSubscription created = stripe.create(customerId, plan.stripePriceId(), request.trialDays(),
        request.billingCycleAnchor(), tenant.value(), id, key);

    Instant now = clock.instant();
    String stamp = Timestamps.format(now);
    // The trial as asked, from now (Stripe's answer says the same; its events then bring Stripe's
    // own times, to the second).
    String trialStart = request.trialDays() == null ? null : stamp;
    String trialEnd = request.trialDays() == null ? null : Timestamps.format(now.plus(Duration.ofDays(request.trialDays())));
    SubscriptionItem item = SubscriptionRepository.indexed(tenant, SubscriptionItem.builder()
        .meta(SubscriptionRepository.newMeta(tenant, id, stamp))
        .id(id)
        .productId(plan.productId())
        .stripeSubscriptionId(created.id())
        .stripeItemId(created.itemId() == null ? "" : created.itemId())
        .stripePriceId(plan.stripePriceId())
        .status(status(created.status()))
        .currentPeriodStart(time(created.currentPeriodStart()).orElse(null))
        .currentPeriodEnd(time(created.currentPeriodEnd()).orElse(null))
        .trialStart(trialStart)
        .trialEnd(trialEnd)
        .billingCycleAnchor(request.billingCycleAnchor())
        .cancelAtPeriodEnd(created.cancelAtPeriodEnd())
        .canceledAt(time(created.canceledAt()).orElse(null))
        .stripeEventCreated(0L)
        .build());

    WriteTransaction tx = transactions.begin();
    subscriptions.create(tx, item, () -> new IllegalStateException("subscription id collision"));
    stripeObjects.point(tx, created.id(), tenant, TYPE, id, "stripe_subscription_id", stamp);
    if (newCustomer) {
      stripeObjects.point(tx, customerId, tenant, "tenant", tenant.value(), "stripe_customer_id", stamp);
    }
    subscriptions.setTenantStripeIds(tx, tenant, customerId, created.id(), stamp,
        () -> new ConflictException("The tenant got another Stripe customer meanwhile; try again."));
    SubscriptionResponse view = SubscriptionResponse.from(item);
    outbox.record(tx, tenant, caller.actor(), TYPE + ".created", TYPE, id, null, view);
    Created<SubscriptionResponse> result = new Created<>("/v1/subscriptions/" + id, view, item.version());
    claim.attach(tx, result);
    tx.commit();
    return result;
  }

  /**
   * A plan change: Stripe's preview of what it invoices now; with {@code preview} that is all,
   * else the Stripe subscription moves to the new price, prorated as of the preview's instant, and
   * the subscription is written at the version read.
   */
  public Versioned<SubscriptionResponse> update(Caller caller, String subscriptionId, Optional<Long> ifMatch,
      UpdateSubscriptionRequest request) {
    TenantId tenant = caller.tenantId();
    SubscriptionRepository.ChangeReads found = subscriptions.findForChange(tenant, subscriptionId, request.productId());
    SubscriptionItem item = found.subscription().orElseThrow(SubscriptionService::notFound);
    Preconditions.checkIfMatch(ifMatch, item.version());
    requireLive(item);
    CatalogPlan plan = plan(found.plan());
    TenantBilling customer = found.tenant().orElseThrow(SubscriptionService::notFound);
    long prorationDate = clock.instant().getEpochSecond();
    SubscriptionResponse.Proration proration = SubscriptionResponse.Proration.from(stripe.preview(
        customer.stripeCustomerId(), item.stripeSubscriptionId(), item.stripeItemId(), plan.stripePriceId(),
        prorationDate));
    if (request.preview() || plan.productId().equals(item.productId())) {
      return new Versioned<>(SubscriptionResponse.from(item).withProration(proration), item.version());
    }
    StripeSubscriptions.StripeSubscription changed = stripe.changePrice(item.stripeSubscriptionId(), item.stripeItemId(),
        plan.stripePriceId(), prorationDate, TYPE + "-change:" + subscriptionId + ":" + item.version());
    SubscriptionItem next = fromStripe(item.withProductId(plan.productId()).withStripePriceId(plan.stripePriceId()),
        changed).nextVersion(Timestamps.now(clock));
    write(tenant, caller.actor(), item, next, TYPE + ".updated", Preconditions.stale(ifMatch.isPresent()));
    return new Versioned<>(SubscriptionResponse.from(next).withProration(proration), next.version());
  }

  /** Cancels now, or at the end of the period paid for; Stripe's answer is written at the version read. */
  public Versioned<SubscriptionResponse> cancel(Caller caller, String subscriptionId, boolean atPeriodEnd) {
    TenantId tenant = caller.tenantId();
    SubscriptionItem item = find(tenant, subscriptionId, true);
    requireLive(item);
    StripeSubscriptions.StripeSubscription answer = stripe.cancel(item.stripeSubscriptionId(), atPeriodEnd,
        TYPE + "-cancel:" + subscriptionId + ":" + item.version() + ":" + (atPeriodEnd ? "period-end" : "now"));
    SubscriptionItem next = fromStripe(item, answer);
    if (!atPeriodEnd && next.status() != SubscriptionStatus.CANCELED) {
      // Stripe answers a cancellation with the canceled subscription; stripe-mock with a fixture.
      next = next.withStatus(SubscriptionStatus.CANCELED);
    }
    if (atPeriodEnd) {
      next = next.withCancelAtPeriodEnd(true);
    } else if (next.canceledAt() == null) {
      next = next.withCanceledAt(Timestamps.now(clock));
    }
    next = next.nextVersion(Timestamps.now(clock));
    write(tenant, caller.actor(), item, next, TYPE + (atPeriodEnd ? ".cancel_scheduled" : ".canceled"),
        () -> new ConflictException("The subscription changed meanwhile; read it and try again."));
    return new Versioned<>(SubscriptionResponse.from(next), next.version());
  }

  /**
   * Applies a {@code customer.subscription.*} event to the subscription it names; returns whether it
   * changed it. An event older than the newest applied changes nothing (Stripe's statuses move both
   * ways, so the event's time orders them); a subscription that is not ours is skipped.
   */
  public boolean apply(SubscriptionEvent event) {
    Optional<StripeObjectItem> pointer = stripeObjects.find(event.stripeSubscriptionId());
    if (pointer.isEmpty() || !TYPE.equals(pointer.get().resourceType())) {
      LOG.info("subscription event for no subscription of ours", "stripe_id", event.stripeSubscriptionId());
      return false;
    }
    TenantId tenant = new TenantId(pointer.get().tenantId());
    String id = pointer.get().resourceId();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      SubscriptionItem item = find(tenant, id, true);
      Optional<SubscriptionItem> next = applied(item, event, Timestamps.now(clock));
      if (next.isEmpty()) {
        return false;
      }
      String action = event.trialWillEnd() ? TYPE + ".trial_will_end"
          : next.get().status() != item.status() ? TYPE + "." + next.get().status().apiName() : TYPE + ".updated";
      try {
        write(tenant, STRIPE, item, next.get().nextVersion(Timestamps.now(clock)), action,
            () -> new ConflictException("subscription changed concurrently"));
        return true;
      } catch (ConflictException raced) {
        // Another event or a route wrote it between our read and write: read it again.
      }
    }
    throw new IllegalStateException("subscription " + id + " stayed contended; the event will be redelivered");
  }

  /** What {@code event} makes of {@code item}, or empty when it is older than what was applied or changes nothing. */
  static Optional<SubscriptionItem> applied(SubscriptionItem item, SubscriptionEvent event, String now) {
    if (event.created() < item.stripeEventCreated()) {
      return Optional.empty();
    }
    SubscriptionItem next = item
        .withStatus(status(event.status()))
        .withCurrentPeriodStart(time(event.currentPeriodStart()).orElse(item.currentPeriodStart()))
        .withCurrentPeriodEnd(time(event.currentPeriodEnd()).orElse(item.currentPeriodEnd()))
        .withTrialStart(time(event.trialStart()).orElse(item.trialStart()))
        .withTrialEnd(time(event.trialEnd()).orElse(item.trialEnd()))
        .withCancelAtPeriodEnd(event.cancelAtPeriodEnd())
        .withCanceledAt(time(event.canceledAt()).orElse(item.canceledAt()))
        .withStripeEventCreated(event.created());
    if (event.trialWillEnd() && item.trialWillEndNotifiedAt() == null) {
      next = next.withTrialWillEndNotifiedAt(now);
    }
    boolean same = SubscriptionResponse.from(next).equals(SubscriptionResponse.from(item))
        && Objects.equals(next.trialWillEndNotifiedAt(), item.trialWillEndNotifiedAt());
    return same ? Optional.empty() : Optional.of(next);
  }

  private void write(TenantId tenant, Actor actor, SubscriptionItem before, SubscriptionItem after, String action,
      Supplier<? extends RuntimeException> onStale) {
    WriteTransaction tx = transactions.begin();
    subscriptions.replace(tx, SubscriptionRepository.indexed(tenant, after), before.version(), onStale);
    outbox.record(tx, tenant, actor, action, TYPE, after.id(), SubscriptionResponse.from(before),
        SubscriptionResponse.from(after));
    tx.commit();
  }

  private static SubscriptionItem fromStripe(SubscriptionItem item, StripeSubscriptions.StripeSubscription s) {
    return item.withStatus(status(s.status()))
        .withCurrentPeriodStart(time(s.currentPeriodStart()).orElse(item.currentPeriodStart()))
        .withCurrentPeriodEnd(time(s.currentPeriodEnd()).orElse(item.currentPeriodEnd()))
        .withCancelAtPeriodEnd(s.cancelAtPeriodEnd())
        .withCanceledAt(time(s.canceledAt()).orElse(item.canceledAt()));
  }

  private static void requireLive(SubscriptionItem item) {
    if (item.status() == SubscriptionStatus.CANCELED || item.status() == SubscriptionStatus.INCOMPLETE_EXPIRED) {
      throw new ConflictException("The subscription has ended; start a new one.");
    }
  }

  private SubscriptionItem find(TenantId tenant, String id, boolean consistent) {
    return subscriptions.find(tenant, id, consistent).orElseThrow(SubscriptionService::notFound);
  }

  /** The product as a plan to subscribe to: it must exist, be sold, and recur (monthly or yearly). */
  private static CatalogPlan plan(Optional<CatalogPlan> product) {
    CatalogPlan plan = product.orElseThrow(() -> UnprocessableException.forField("product_id",
        "no such product in the catalog"));
    if (!"month".equals(plan.interval()) && !"year".equals(plan.interval())) {
      throw UnprocessableException.forField("product_id", "the product is sold once: buy it through a cart");
    }
    if (!plan.active()) {
      throw UnprocessableException.forField("product_id", "the product is no longer sold");
    }
    return plan;
  }

  /** Stripe's status; one this API does not know yet (Stripe adds some) reads as incomplete. */
  static SubscriptionStatus status(String stripeStatus) {
    return Choice.fromApiName(SubscriptionStatus.class, stripeStatus).orElse(SubscriptionStatus.INCOMPLETE);
  }

  static Optional<String> time(Long epochSeconds) {
    return epochSeconds == null || epochSeconds == 0 ? Optional.empty()
        : Optional.of(Timestamps.format(Instant.ofEpochSecond(epochSeconds)));
  }

  static NotFoundException notFound() {
    return new NotFoundException("The subscription was not found.");
  }
}
