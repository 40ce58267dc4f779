package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.ApprovalStatus;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An approval step as the approvals part keeps it: {@code PK=T#t#APPROVAL_STEP#s, SK=APPROVAL_STEP},
 * {@code s} the WorkflowStep's id. It holds the step's rule (quorum, rejections that reject, who
 * requested it) and every approver with where their approval stands, and it is the one item every
 * decision writes conditionally on its version: so decisions on one step are serialised, and only
 * the one that settles the step resolves it. {@code status} is pending until then, and then the
 * step's outcome: approved, rejected or expired.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractApprovalStepItem implements StoredItem<ApprovalStepItem> {

  public static final String ENTITY = "WORKFLOW_APPROVAL_STEP";

  /** The WorkflowStep's id. */
  public abstract String stepId();

  public abstract String executionId();

  public abstract String workflowId();

  public abstract Long workflowVersion();

  public abstract String nodeId();

  public abstract ApprovalStatus status();

  /** Approvals needed (N of M). */
  public abstract Integer quorum();

  /** Rejections that reject the step. */
  public abstract Integer rejectionsToReject();

  /** Who started the execution (null: the system). */
  public abstract @Nullable String requestedBy();

  public abstract Boolean allowRequester();

  public abstract @Nullable String expiresAt();

  public abstract List<StepApprover> approvers();

  public abstract @Nullable String resolvedAt();

  public static final TableSchema<ApprovalStepItem> SCHEMA =
      StaticImmutableTableSchema.builder(ApprovalStepItem.class, ApprovalStepItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ApprovalStepItem::builder, ApprovalStepItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ApprovalStepItem::meta, ApprovalStepItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("step_id").getter(ApprovalStepItem::stepId)
              .setter(ApprovalStepItem.Builder::stepId))
          .addAttribute(String.class, a -> a.name("execution_id").getter(ApprovalStepItem::executionId)
              .setter(ApprovalStepItem.Builder::executionId))
          .addAttribute(String.class, a -> a.name("workflow_id").getter(ApprovalStepItem::workflowId)
              .setter(ApprovalStepItem.Builder::workflowId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(ApprovalStepItem::workflowVersion)
              .setter(ApprovalStepItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("node_id").getter(ApprovalStepItem::nodeId)
              .setter(ApprovalStepItem.Builder::nodeId))
          .addAttribute(ApprovalStatus.class, a -> a.name("status").getter(ApprovalStepItem::status)
              .setter(ApprovalStepItem.Builder::status).attributeConverter(ChoiceConverter.of(ApprovalStatus.class)))
          .addAttribute(Integer.class, a -> a.name("quorum").getter(ApprovalStepItem::quorum)
              .setter(ApprovalStepItem.Builder::quorum))
          .addAttribute(Integer.class, a -> a.name("rejections_to_reject").getter(ApprovalStepItem::rejectionsToReject)
              .setter(ApprovalStepItem.Builder::rejectionsToReject))
          .addAttribute(String.class, a -> a.name("requested_by").getter(ApprovalStepItem::requestedBy)
              .setter(ApprovalStepItem.Builder::requestedBy))
          .addAttribute(Boolean.class, a -> a.name("allow_requester").getter(ApprovalStepItem::allowRequester)
              .setter(ApprovalStepItem.Builder::allowRequester)
              .attributeConverter(AttributeConverterProvider.defaultProvider().converterFor(EnhancedType.of(Boolean.class))))
          .addAttribute(String.class, a -> a.name("expires_at").getter(ApprovalStepItem::expiresAt)
              .setter(ApprovalStepItem.Builder::expiresAt))
          .addAttribute(StepApproversConverter.TYPE, a -> a.name("approvers").getter(ApprovalStepItem::approvers)
              .setter(ApprovalStepItem.Builder::approvers).attributeConverter(new StepApproversConverter()))
          .addAttribute(String.class, a -> a.name("resolved_at").getter(ApprovalStepItem::resolvedAt)
              .setter(ApprovalStepItem.Builder::resolvedAt))
          .build();
}
