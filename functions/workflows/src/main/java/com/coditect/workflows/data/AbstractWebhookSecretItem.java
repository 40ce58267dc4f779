package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A workflow's webhook signing secret: {@code PK=T#t#WF#w, SK=HOOK_SECRET}. Issued on publish and
 * rotated by the definitions part; after a rotation the previous secret keeps working until
 * {@code previous_expires_at}, so a sender can switch without losing calls. The secret is kept as
 * issued: verifying an HMAC needs the key itself.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractWebhookSecretItem implements StoredItem<WebhookSecretItem> {

  public static final String ENTITY = "WORKFLOW_HOOK_SECRET";

  public abstract String secret();

  public abstract @Nullable String previousSecret();

  public abstract @Nullable String previousExpiresAt();

  public static final TableSchema<WebhookSecretItem> SCHEMA =
      StaticImmutableTableSchema.builder(WebhookSecretItem.class, WebhookSecretItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(WebhookSecretItem::builder, WebhookSecretItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, WebhookSecretItem::meta, WebhookSecretItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("secret").getter(WebhookSecretItem::secret)
              .setter(WebhookSecretItem.Builder::secret))
          .addAttribute(String.class, a -> a.name("previous_secret").getter(WebhookSecretItem::previousSecret)
              .setter(WebhookSecretItem.Builder::previousSecret))
          .addAttribute(String.class, a -> a.name("previous_expires_at").getter(WebhookSecretItem::previousExpiresAt)
              .setter(WebhookSecretItem.Builder::previousExpiresAt))
          .build();
}
