package com.coditect.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.data.InvoiceItem;
import com.coditect.billing.data.SubscriptionItem;
import com.coditect.billing.model.InvoiceStatus;
import com.coditect.billing.model.SubscriptionStatus;
import com.coditect.shared.store.ItemMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The rules that keep Stripe's subscription and invoice events from moving things back: the
 * newest subscription event wins whatever the order; an invoice never goes back along draft,
 * open, paid. Every order of a delivery set, duplicated, ends where the in-order delivery does.
 */
class SubscriptionAndInvoiceEventsTest {

  private static final String NOW = "2026-12-04T12:00:00.000Z";

  private static SubscriptionItem subscription() {
    return SubscriptionItem.builder()
        .meta(ItemMeta.created(Key.builder().partitionValue("T#t#SUBSCRIPTION#s").sortValue("SUBSCRIPTION").build(),
            SubscriptionItem.ENTITY, NOW))
        .id("s").productId("p").stripeSubscriptionId("sub_1").stripeItemId("si_1").stripePriceId("price_1")
        .status(SubscriptionStatus.INCOMPLETE).cancelAtPeriodEnd(false).stripeEventCreated(0L).build();
  }

  private static SubscriptionEvent subscriptionEvent(String status, long created) {
    return new SubscriptionEvent("sub_1", status, created, created, created + 2_592_000, null, null, false, null, false);
  }

  private static InvoiceItem invoice() {
    return InvoiceItem.builder()
        .meta(ItemMeta.created(Key.builder().partitionValue("T#t#INVOICE#i").sortValue("INVOICE").build(),
            InvoiceItem.ENTITY, NOW))
        .id("i").stripeInvoiceId("in_1").status(InvoiceStatus.DRAFT).amountDueCents(0L).amountPaidCents(0L)
        .currency("usd").stripeEventCreated(0L).build();
  }

  private static InvoiceEvent invoiceEvent(String status, long paid, long created, boolean failed) {
    return new InvoiceEvent("in_1", "cus_1", "sub_1", "N-1", status, 4_900, paid, "usd", "https://pay.example/in_1",
        1L, 2L, created, failed);
  }

  @Test
  void theNewestSubscriptionEventWinsInEveryOrder() {
    List<SubscriptionEvent> deliveries = List.of(subscriptionEvent("trialing", 100), subscriptionEvent("active", 200),
        subscriptionEvent("past_due", 300), subscriptionEvent("active", 400));
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<SubscriptionEvent> shuffled = new ArrayList<>(deliveries);
      shuffled.addAll(deliveries.subList(0, random.nextInt(deliveries.size())));
      Collections.shuffle(shuffled, random);
      SubscriptionItem item = subscription();
      for (SubscriptionEvent event : shuffled) {
        item = SubscriptionService.applied(item, event, NOW).orElse(item);
      }
      assertEquals(SubscriptionStatus.ACTIVE, item.status(), shuffled.toString());
      assertEquals(400L, item.stripeEventCreated());
    }
  }

  @Test
  void anOlderSubscriptionEventOrAReplayChangesNothing() {
    SubscriptionItem item = SubscriptionService.applied(subscription(), subscriptionEvent("past_due", 300), NOW).orElseThrow();
    assertEquals(Optional.empty(), SubscriptionService.applied(item, subscriptionEvent("active", 299), NOW));
    assertEquals(Optional.empty(), SubscriptionService.applied(item, subscriptionEvent("past_due", 300), NOW));
    assertEquals(SubscriptionStatus.ACTIVE,
        SubscriptionService.applied(item, subscriptionEvent("active", 301), NOW).orElseThrow().status());
  }

  @Test
  void trialWillEndIsNotedOnce() {
    SubscriptionEvent warning = new SubscriptionEvent("sub_1", "trialing", 100, null, null, 1L, 2L, false, null, true);
    SubscriptionItem noted = SubscriptionService.applied(subscription(), warning, NOW).orElseThrow();
    assertEquals(NOW, noted.trialWillEndNotifiedAt());
    assertEquals(Optional.empty(), SubscriptionService.applied(noted, warning, "2026-12-05T00:00:00.000Z"));
  }

  @Test
  void anInvoiceNeverMovesBackInAnyOrder() {
    List<InvoiceEvent> deliveries = List.of(invoiceEvent("draft", 0, 100, false), invoiceEvent("open", 0, 200, false),
        invoiceEvent("open", 0, 300, true), invoiceEvent("paid", 4_900, 400, false));
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<InvoiceEvent> shuffled = new ArrayList<>(deliveries);
      shuffled.addAll(deliveries.subList(0, random.nextInt(deliveries.size())));
      Collections.shuffle(shuffled, random);
      InvoiceItem item = invoice();
      for (InvoiceEvent event : shuffled) {
        item = InvoiceService.applied(item, event, NOW).orElse(item);
      }
      assertEquals(InvoiceStatus.PAID, item.status(), shuffled.toString());
      assertEquals(4_900L, item.amountPaidCents());
      assertEquals(NOW, item.paidAt());
    }
  }

  @Test
  void aFailedPaymentIsRecordedOnAnOpenInvoice() {
    InvoiceItem open = InvoiceService.applied(invoice(), invoiceEvent("open", 0, 200, false), NOW).orElseThrow();
    InvoiceItem failed = InvoiceService.applied(open, invoiceEvent("open", 0, 300, true), NOW).orElseThrow();
    assertEquals(InvoiceStatus.OPEN, failed.status());
    assertEquals(NOW, failed.paymentFailedAt());
    assertTrue(InvoiceService.applied(failed, invoiceEvent("draft", 0, 500, false), NOW).isEmpty(),
        "a draft after open is older news whatever its time");
  }
}
