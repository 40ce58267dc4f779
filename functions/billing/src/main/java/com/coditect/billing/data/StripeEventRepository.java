package com.coditect.billing.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;

/** The Stripe events the webhook received (see {@link StripeEventItem}). */
@Singleton
public final class StripeEventRepository extends ItemRepository<StripeEventItem> {

  static final Duration KEPT = Duration.ofDays(30);

  @Inject
  public StripeEventRepository(SingleTable table) {
    super(table, StripeEventItem.SCHEMA);
  }

  /** Adds the event, once: a second delivery of its id fails the transaction with {@code onReceived}. */
  public void receive(WriteTransaction tx, String eventId, String type, long created, String payload, Instant now,
      String nowText, Supplier<? extends RuntimeException> onReceived) {
    ItemMeta meta = ItemMeta.created(BillingKeys.stripeEvent(eventId), StripeEventItem.ENTITY, nowText)
        .withTtl(now.plus(KEPT).getEpochSecond());
    create(tx, StripeEventItem.builder().meta(meta).eventId(eventId).type(type).created(created)
        .payloadGzip(SdkBytes.fromByteArray(gzip(payload))).build(), onReceived);
  }

  /** A received event: one strongly consistent GetItem (its processing follows its receipt closely). */
  public Optional<StripeEventItem> find(String eventId) {
    return Optional.ofNullable(table.getItem(r -> r.key(BillingKeys.stripeEvent(eventId)).consistentRead(true)));
  }

  /** The payload of a received event, as Stripe sent it. */
  public static String payload(StripeEventItem event) {
    try (GZIPInputStream in = new GZIPInputStream(event.payloadGzip().asInputStream())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(String payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(payload.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
