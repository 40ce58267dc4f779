package com.coditect.contacts.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The newest verification code of a phone or e-mail contact ({@link ContactKeys#verification}):
 * only its SHA-256 ({@code code_hash}, null once used up), when it expires, the wrong answers given
 * to it, and the sends of the current hour (the per-contact rate limit). A new code replaces the
 * old one in this item, so only the newest is ever valid. {@code ttl} lets DynamoDB drop it a day
 * after its last use.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractVerificationItem implements StoredItem<VerificationItem> {

  public static final String ENTITY = "VERIFICATION";

  /** The value the code was sent to (E.164 number or e-mail address): a changed contact voids it. */
  public abstract String sentTo();

  public abstract @Nullable String codeHash();

  public abstract String expiresAt();

  public abstract Integer failedAttempts();

  /** When confirming may be tried again after too many wrong codes (null: not locked). */
  public abstract @Nullable String lockedUntil();

  public abstract String lastSentAt();

  /** The start of the hour whose sends {@link #sendsInWindow} counts. */
  public abstract String windowStartedAt();

  public abstract Integer sendsInWindow();

  public static final TableSchema<VerificationItem> SCHEMA =
      StaticImmutableTableSchema.builder(VerificationItem.class, VerificationItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(VerificationItem::builder, VerificationItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, VerificationItem::meta, VerificationItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("sent_to").getter(VerificationItem::sentTo)
              .setter(VerificationItem.Builder::sentTo))
          .addAttribute(String.class, a -> a.name("code_hash").getter(VerificationItem::codeHash)
              .setter(VerificationItem.Builder::codeHash))
          .addAttribute(String.class, a -> a.name("expires_at").getter(VerificationItem::expiresAt)
              .setter(VerificationItem.Builder::expiresAt))
          .addAttribute(Integer.class, a -> a.name("failed_attempts").getter(VerificationItem::failedAttempts)
              .setter(VerificationItem.Builder::failedAttempts))
          .addAttribute(String.class, a -> a.name("locked_until").getter(VerificationItem::lockedUntil)
              .setter(VerificationItem.Builder::lockedUntil))
          .addAttribute(String.class, a -> a.name("last_sent_at").getter(VerificationItem::lastSentAt)
              .setter(VerificationItem.Builder::lastSentAt))
          .addAttribute(String.class, a -> a.name("window_started_at").getter(VerificationItem::windowStartedAt)
              .setter(VerificationItem.Builder::windowStartedAt))
          .addAttribute(Integer.class, a -> a.name("sends_in_window").getter(VerificationItem::sendsInWindow)
              .setter(VerificationItem.Builder::sendsInWindow))
          .build();
}
