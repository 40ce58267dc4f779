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
 * The HMAC-SHA256 key of a workflow's webhook trigger: {@code PK=T#t#WF#w, SK=HOOK_SECRET}. The
 * secret is kept as issued (the hook route computes the signature with it, so a hash would not
 * do); it is shown once, in the answer that made it. After a rotation the previous secret is
 * honoured until {@code previous_expires_at} (24 hours), so senders can switch without a gap.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractHookSecretItem implements StoredItem<HookSecretItem> {

  public static final String ENTITY = "WORKFLOW_HOOK_SECRET";

  public abstract String workflowId();

  /** 32 random bytes, base64url without padding. */
  public abstract String secret();

  public abstract @Nullable String previousSecret();

  public abstract @Nullable String previousExpiresAt();

  public static final TableSchema<HookSecretItem> SCHEMA =
      StaticImmutableTableSchema.builder(HookSecretItem.class, HookSecretItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(HookSecretItem::builder, HookSecretItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, HookSecretItem::meta, HookSecretItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("workflow_id").getter(HookSecretItem::workflowId)
              .setter(HookSecretItem.Builder::workflowId))
          .addAttribute(String.class, a -> a.name("secret").getter(HookSecretItem::secret)
              .setter(HookSecretItem.Builder::secret))
          .addAttribute(String.class, a -> a.name("previous_secret").getter(HookSecretItem::previousSecret)
              .setter(HookSecretItem.Builder::previousSecret))
          .addAttribute(String.class, a -> a.name("previous_expires_at").getter(HookSecretItem::previousExpiresAt)
              .setter(HookSecretItem.Builder::previousExpiresAt))
          .build();
}
