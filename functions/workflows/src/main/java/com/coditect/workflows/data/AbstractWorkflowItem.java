package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A workflow (spec Domain 3.1): {@code PK=T#t#WFS, SK=WF#w}, so the tenant's workflows are one
 * partition (the unfiltered list is one Query); GSI1 lists them by status, GSI2 by type. It holds
 * the current definition ({@code definition}, {@code triggers}: JSON text as the API took it) and
 * {@code workflow_version}, the API's {@code version} (spec: default 1). A draft is edited in place
 * as version 1; publishing freezes it as a {@link WorkflowVersionItem}; editing the definition or
 * triggers of a published (active or paused) workflow freezes the next version at once, so every
 * execution keeps the version it started on. ({@code ItemMeta}'s {@code version} is the item's
 * optimistic-concurrency counter, the ETag, not this.)
 */
@Value.Immutable
@ItemStyle
abstract class AbstractWorkflowItem implements StoredItem<WorkflowItem> {

  public static final String ENTITY = "WORKFLOW";

  public abstract String id();

  public abstract String name();

  public abstract @Nullable String description();

  public abstract WorkflowType workflowType();

  public abstract WorkflowStatus status();

  public abstract @Nullable String projectId();

  /** The definition as JSON text ({"nodes": [...], "edges": [...]}). */
  public abstract String definition();

  /** The triggers as JSON text ([{"type": ...}, ...]). */
  public abstract String triggers();

  /** The version the definition is (the API's {@code version}): 1 until a published workflow is edited. */
  public abstract Long workflowVersion();

  public abstract @Nullable String createdBy();

  public abstract @Nullable String publishedAt();

  public static final TableSchema<WorkflowItem> SCHEMA =
      StaticImmutableTableSchema.builder(WorkflowItem.class, WorkflowItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(WorkflowItem::builder, WorkflowItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, WorkflowItem::meta, WorkflowItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(WorkflowItem::id)
              .setter(WorkflowItem.Builder::id))
          .addAttribute(String.class, a -> a.name("name").getter(WorkflowItem::name)
              .setter(WorkflowItem.Builder::name))
          .addAttribute(String.class, a -> a.name("description").getter(WorkflowItem::description)
              .setter(WorkflowItem.Builder::description))
          .addAttribute(WorkflowType.class, a -> a.name("workflow_type").getter(WorkflowItem::workflowType)
              .setter(WorkflowItem.Builder::workflowType).attributeConverter(ChoiceConverter.of(WorkflowType.class)))
          .addAttribute(WorkflowStatus.class, a -> a.name("status").getter(WorkflowItem::status)
              .setter(WorkflowItem.Builder::status).attributeConverter(ChoiceConverter.of(WorkflowStatus.class)))
          .addAttribute(String.class, a -> a.name("project_id").getter(WorkflowItem::projectId)
              .setter(WorkflowItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("definition").getter(WorkflowItem::definition)
              .setter(WorkflowItem.Builder::definition))
          .addAttribute(String.class, a -> a.name("triggers").getter(WorkflowItem::triggers)
              .setter(WorkflowItem.Builder::triggers))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(WorkflowItem::workflowVersion)
              .setter(WorkflowItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("created_by").getter(WorkflowItem::createdBy)
              .setter(WorkflowItem.Builder::createdBy))
          .addAttribute(String.class, a -> a.name("published_at").getter(WorkflowItem::publishedAt)
              .setter(WorkflowItem.Builder::publishedAt))
          .build();
}
