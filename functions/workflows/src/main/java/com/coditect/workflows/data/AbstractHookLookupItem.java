package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The tenant of a workflow with a webhook trigger: {@code PK=PLATFORM#WF_HOOK#w, SK=WF_HOOK}. The
 * public hook URL ({@code /v1/hooks/workflows/{id}}) names no tenant, and no tenant may be taken
 * from a request; this pointer, written with the secret, is how the hook route finds it.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractHookLookupItem implements StoredItem<HookLookupItem> {

  public static final String ENTITY = "WORKFLOW_HOOK_LOOKUP";

  public abstract String workflowId();

  public abstract String tenantId();

  public static final TableSchema<HookLookupItem> SCHEMA =
      StaticImmutableTableSchema.builder(HookLookupItem.class, HookLookupItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(HookLookupItem::builder, HookLookupItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, HookLookupItem::meta, HookLookupItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("workflow_id").getter(HookLookupItem::workflowId)
              .setter(HookLookupItem.Builder::workflowId))
          .addAttribute(String.class, a -> a.name("tenant_id").getter(HookLookupItem::tenantId)
              .setter(HookLookupItem.Builder::tenantId))
          .build();
}
