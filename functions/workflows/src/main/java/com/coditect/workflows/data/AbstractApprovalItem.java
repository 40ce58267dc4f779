package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.ApprovalStatus;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One approver's part in an approval step (spec Domain 3.4): {@code PK=T#t#APPROVAL#a, SK=APPROVAL}.
 * GSI1 is (approver, status): {@code T#t#USER#u#APPROVALS / status#a}, so an approver's pending
 * approvals are one Query; GSI2 is the tenant's approvals by status ({@code T#t#APPROVALS /
 * status#a}), for an owner or admin listing everyone's. The step's approvals by status (the spec's
 * second index) are its {@link ApprovalStepItem}: one GetItem, consistent, which decides the quorum.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractApprovalItem implements StoredItem<ApprovalItem> {

  public static final String ENTITY = "WORKFLOW_APPROVAL";

  public abstract String id();

  public abstract String executionId();

  public abstract String workflowId();

  /** The WorkflowStep (its id, not the node id). */
  public abstract String stepId();

  /** The approval node's id in the definition. */
  public abstract String nodeId();

  /** The workflow version the execution runs (for the approval's events). */
  public abstract Long workflowVersion();

  public abstract @Nullable String approverId();

  public abstract ApprovalStatus status();

  public abstract @Nullable String comment();

  /** When it was decided (approved or rejected). */
  public abstract @Nullable String approvedAt();

  public abstract @Nullable String expiresAt();

  /** The team through which the approver was asked, if any. */
  public abstract @Nullable String teamId();

  public static final TableSchema<ApprovalItem> SCHEMA =
      StaticImmutableTableSchema.builder(ApprovalItem.class, ApprovalItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ApprovalItem::builder, ApprovalItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ApprovalItem::meta, ApprovalItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ApprovalItem::id)
              .setter(ApprovalItem.Builder::id))
          .addAttribute(String.class, a -> a.name("execution_id").getter(ApprovalItem::executionId)
              .setter(ApprovalItem.Builder::executionId))
          .addAttribute(String.class, a -> a.name("workflow_id").getter(ApprovalItem::workflowId)
              .setter(ApprovalItem.Builder::workflowId))
          .addAttribute(String.class, a -> a.name("step_id").getter(ApprovalItem::stepId)
              .setter(ApprovalItem.Builder::stepId))
          .addAttribute(String.class, a -> a.name("node_id").getter(ApprovalItem::nodeId)
              .setter(ApprovalItem.Builder::nodeId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(ApprovalItem::workflowVersion)
              .setter(ApprovalItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("approver_id").getter(ApprovalItem::approverId)
              .setter(ApprovalItem.Builder::approverId))
          .addAttribute(ApprovalStatus.class, a -> a.name("status").getter(ApprovalItem::status)
              .setter(ApprovalItem.Builder::status).attributeConverter(ChoiceConverter.of(ApprovalStatus.class)))
          .addAttribute(String.class, a -> a.name("comment").getter(ApprovalItem::comment)
              .setter(ApprovalItem.Builder::comment))
          .addAttribute(String.class, a -> a.name("approved_at").getter(ApprovalItem::approvedAt)
              .setter(ApprovalItem.Builder::approvedAt))
          .addAttribute(String.class, a -> a.name("expires_at").getter(ApprovalItem::expiresAt)
              .setter(ApprovalItem.Builder::expiresAt))
          .addAttribute(String.class, a -> a.name("team_id").getter(ApprovalItem::teamId)
              .setter(ApprovalItem.Builder::teamId))
          .build();
}
