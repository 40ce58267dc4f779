package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Where a webhook's workflow lives: {@code PK=PLATFORM#WF_HOOK#w, SK=WF_HOOK}, the one workflow key
 * outside every tenant (the public hook's path names a workflow, not a tenant). Written by the
 * definitions part on publish, beside the secret ({@link WebhookSecretItem}); it holds the tenant,
 * which never changes, so one read leads the public route to the tenant's own keys.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractWebhookLookupItem implements StoredItem<WebhookLookupItem> {

  public static final String ENTITY = "WORKFLOW_HOOK";

  public abstract String tenantId();

  public abstract String workflowId();

  public static final TableSchema<WebhookLookupItem> SCHEMA =
      StaticImmutableTableSchema.builder(WebhookLookupItem.class, WebhookLookupItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(WebhookLookupItem::builder, WebhookLookupItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, WebhookLookupItem::meta, WebhookLookupItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("tenant_id").getter(WebhookLookupItem::tenantId)
              .setter(WebhookLookupItem.Builder::tenantId))
          .addAttribute(String.class, a -> a.name("workflow_id").getter(WebhookLookupItem::workflowId)
              .setter(WebhookLookupItem.Builder::workflowId))
          .build();
}
