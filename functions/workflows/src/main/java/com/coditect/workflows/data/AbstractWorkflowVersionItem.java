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
 * One published version of a workflow, frozen: {@code PK=T#t#WF#w, SK=VERSION#0000000003}, written
 * with {@code attribute_not_exists} on publish and never changed. An execution names the version it
 * started on and reads its definition from here, so editing the workflow never changes a running
 * execution.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractWorkflowVersionItem implements StoredItem<WorkflowVersionItem> {

  public static final String ENTITY = "WORKFLOW_VERSION";

  public abstract String workflowId();

  public abstract Long workflowVersion();

  public abstract String definition();

  public abstract String triggers();

  public abstract @Nullable String publishedBy();

  public abstract String publishedAt();

  public static final TableSchema<WorkflowVersionItem> SCHEMA =
      StaticImmutableTableSchema.builder(WorkflowVersionItem.class, WorkflowVersionItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(WorkflowVersionItem::builder, WorkflowVersionItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, WorkflowVersionItem::meta, WorkflowVersionItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("workflow_id").getter(WorkflowVersionItem::workflowId)
              .setter(WorkflowVersionItem.Builder::workflowId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(WorkflowVersionItem::workflowVersion)
              .setter(WorkflowVersionItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("definition").getter(WorkflowVersionItem::definition)
              .setter(WorkflowVersionItem.Builder::definition))
          .addAttribute(String.class, a -> a.name("triggers").getter(WorkflowVersionItem::triggers)
              .setter(WorkflowVersionItem.Builder::triggers))
          .addAttribute(String.class, a -> a.name("published_by").getter(WorkflowVersionItem::publishedBy)
              .setter(WorkflowVersionItem.Builder::publishedBy))
          .addAttribute(String.class, a -> a.name("published_at").getter(WorkflowVersionItem::publishedAt)
              .setter(WorkflowVersionItem.Builder::publishedAt))
          .build();
}
