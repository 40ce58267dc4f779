package com.coditect.billing.domain;

import com.coditect.billing.api.InvoiceFilters;
import com.coditect.billing.api.InvoiceResponse;
import com.coditect.billing.data.InvoiceItem;
import com.coditect.billing.data.InvoiceRepository;
import com.coditect.billing.data.StripeObjectItem;
import com.coditect.billing.data.StripeObjectRepository;
import com.coditect.billing.model.InvoiceStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Invoices: Stripe makes them (a subscription's every period); {@code invoice.*} events bring them
 * here. The first event of an invoice creates it under the tenant whose Stripe customer it bills
 * (found through the customer's pointer), with a pointer of its own; later ones update it. An
 * invoice never moves back along draft, open, then paid, void or uncollectible, and within one
 * step an older event changes nothing.
 */
@Singleton
public final class InvoiceService {

  static final String TYPE = "invoice";
  private static final int ATTEMPTS = 5;
  private static final Actor STRIPE = Actor.system("stripe-webhook");
  private static final Log LOG = Log.forClass(InvoiceService.class);

  private final InvoiceRepository invoices;
  private final StripeObjectRepository stripeObjects;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  InvoiceService(InvoiceRepository invoices, StripeObjectRepository stripeObjects, Transactions transactions,
      Outbox outbox, Clock clock) {
    this.invoices = invoices;
    this.stripeObjects = stripeObjects;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public ResultPage<InvoiceResponse> list(Caller caller, InvoiceFilters filters, PageRequest page) {
    return invoices.list(caller.tenantId(), filters.subscriptionId(), page).map(InvoiceResponse::from);
  }

  public Versioned<InvoiceResponse> get(Caller caller, String invoiceId) {
    InvoiceItem invoice = invoices.find(caller.tenantId(), invoiceId, false)
        .orElseThrow(() -> new NotFoundException("The invoice was not found."));
    return new Versioned<>(InvoiceResponse.from(invoice), invoice.version());
  }

  /** Applies one {@code invoice.*} event; returns whether it changed anything. */
  public boolean apply(InvoiceEvent event) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return applyOnce(event);
      } catch (ConflictException raced) {
        // Another delivery created or wrote the invoice between our read and write: read it again.
      }
    }
    throw new IllegalStateException("invoice " + event.stripeInvoiceId() + " stayed contended; redelivered later");
  }

  private boolean applyOnce(InvoiceEvent event) {
    Optional<StripeObjectItem> pointer = stripeObjects.find(event.stripeInvoiceId());
    String now = Timestamps.now(clock);
    if (pointer.isPresent()) {
      TenantId tenant = new TenantId(pointer.get().tenantId());
      InvoiceItem invoice = invoices.find(tenant, pointer.get().resourceId(), true)
          .orElseThrow(() -> new IllegalStateException("invoice of a pointer is missing"));
      Optional<InvoiceItem> next = applied(invoice, event, now);
      if (next.isEmpty()) {
        return false;
      }
      WriteTransaction tx = transactions.begin();
      InvoiceItem written = InvoiceRepository.indexed(tenant, next.get().nextVersion(now));
      invoices.replace(tx, written, invoice.version(), () -> new ConflictException("invoice changed concurrently"));
      outbox.record(tx, tenant, STRIPE, TYPE + "." + action(event, written), TYPE, written.id(),
          InvoiceResponse.from(invoice), InvoiceResponse.from(written));
      tx.commit();
      return true;
    }
    Optional<StripeObjectItem> customer = Optional.ofNullable(event.stripeCustomerId()).flatMap(stripeObjects::find);
    if (customer.isEmpty()) {
      LOG.info("invoice event for no customer of ours", "stripe_id", event.stripeInvoiceId());
      return false;
    }
    TenantId tenant = new TenantId(customer.get().tenantId());
    String subscriptionId = Optional.ofNullable(event.stripeSubscriptionId()).flatMap(stripeObjects::find)
        .filter(p -> SubscriptionService.TYPE.equals(p.resourceType()) && p.tenantId().equals(tenant.value()))
        .map(StripeObjectItem::resourceId).orElse(null);
    String id = Ids.newId();
    InvoiceItem created = InvoiceRepository.indexed(tenant, fromEvent(InvoiceItem.builder()
        .meta(InvoiceRepository.newMeta(tenant, id, now))
        .id(id)
        .subscriptionId(subscriptionId)
        .stripeInvoiceId(event.stripeInvoiceId())
        .status(InvoiceStatus.DRAFT)
        .amountDueCents(0L)
        .amountPaidCents(0L)
        .currency(event.currency())
        .stripeEventCreated(0L)
        .build(), event, now));
    WriteTransaction tx = transactions.begin();
    invoices.create(tx, created, () -> new IllegalStateException("invoice id collision"));
    // A concurrent first delivery of the same invoice took the pointer: a 409, and the retry updates.
    stripeObjects.point(tx, event.stripeInvoiceId(), tenant, TYPE, id, "stripe_invoice_id", now);
    outbox.record(tx, tenant, STRIPE, TYPE + ".created", TYPE, id, null, InvoiceResponse.from(created));
    tx.commit();
    return true;
  }

  /** What {@code event} makes of {@code invoice}, or empty when it would move it back or changes nothing. */
  static Optional<InvoiceItem> applied(InvoiceItem invoice, InvoiceEvent event, String now) {
    InvoiceStatus status = status(event.status());
    if (status.rank() < invoice.status().rank()
        || (status.rank() == invoice.status().rank() && event.created() < invoice.stripeEventCreated())) {
      return Optional.empty();
    }
    InvoiceItem next = fromEvent(invoice, event, now);
    boolean same = InvoiceResponse.from(next).equals(InvoiceResponse.from(invoice));
    return same ? Optional.empty() : Optional.of(next.withStripeEventCreated(Math.max(event.created(),
        invoice.stripeEventCreated())));
  }

  private static InvoiceItem fromEvent(InvoiceItem invoice, InvoiceEvent event, String now) {
    InvoiceStatus status = status(event.status());
    InvoiceItem next = invoice.withStatus(status)
        .withNumber(event.number() != null ? event.number() : invoice.number())
        .withAmountDueCents(event.amountDueCents())
        .withAmountPaidCents(event.amountPaidCents())
        .withCurrency(event.currency() != null ? event.currency() : invoice.currency())
        .withHostedInvoiceUrl(event.hostedInvoiceUrl() != null ? event.hostedInvoiceUrl() : invoice.hostedInvoiceUrl())
        .withPeriodStart(SubscriptionService.time(event.periodStart()).orElse(invoice.periodStart()))
        .withPeriodEnd(SubscriptionService.time(event.periodEnd()).orElse(invoice.periodEnd()))
        .withStripeEventCreated(Math.max(event.created(), invoice.stripeEventCreated()));
    if (event.paymentFailed()) {
      next = next.withPaymentFailedAt(now);
    }
    if (status == InvoiceStatus.PAID && invoice.paidAt() == null) {
      next = next.withPaidAt(now);
    }
    return next;
  }

  private static String action(InvoiceEvent event, InvoiceItem written) {
    return event.paymentFailed() ? "payment_failed" : written.status().apiName();
  }

  static InvoiceStatus status(String stripeStatus) {
    return Choice.fromApiName(InvoiceStatus.class, stripeStatus).orElse(InvoiceStatus.DRAFT);
  }
}
