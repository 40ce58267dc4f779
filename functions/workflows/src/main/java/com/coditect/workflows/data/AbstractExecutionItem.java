package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.TriggerType;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One run of a workflow (spec Domain 3.2): {@code PK=T#t#EXEC#e, SK=EXEC}, its steps in the same
 * partition ({@code STEP#s}), so an execution with its steps is one Query. GSI1 lists a workflow's
 * executions newest first ({@code T#t#WF#w#EXECS / started_at#e}), GSI2 the tenant's by status.
 * The item's {@code version} is what makes advancing exactly-once: every transition writes it
 * conditionally on the version it read.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractExecutionItem implements StoredItem<ExecutionItem> {

  public static final String ENTITY = "WORKFLOW_EXECUTION";

  public abstract String id();

  public abstract String workflowId();

  /** The published version it runs, pinned at start. */
  public abstract Long workflowVersion();

  /** The user who started it; null for the system (schedule, webhook, event). */
  public abstract @Nullable String triggeredBy();

  public abstract TriggerType triggerType();

  public abstract ExecutionStatus status();

  /** The node id it is at (the latest started, when branches run in parallel). */
  public abstract @Nullable String currentStep();

  public abstract String startedAt();

  public abstract @Nullable String completedAt();

  public abstract @Nullable String errorMessage();

  /** The execution context as JSON text. */
  public abstract String contextData();

  /** What started it (the webhook body, the matched event) as JSON text. */
  public abstract @Nullable String triggerData();

  /**
   * The engine's join arrivals as JSON text ({join node id: branches arrived}): a join starts when
   * every incoming edge has arrived. Null until a branch reaches a join.
   */
  public abstract @Nullable String joinArrivals();

  /** How often each bounded loop's condition node ran, as JSON text ({node id: runs}); null until one ran. */
  public abstract @Nullable String loopIterations();

  /** Steps made so far, against the engine's cap per execution; null counts as 0. */
  public abstract @Nullable Long stepCount();

  public static final TableSchema<ExecutionItem> SCHEMA =
      StaticImmutableTableSchema.builder(ExecutionItem.class, ExecutionItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ExecutionItem::builder, ExecutionItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ExecutionItem::meta, ExecutionItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ExecutionItem::id)
              .setter(ExecutionItem.Builder::id))
          .addAttribute(String.class, a -> a.name("workflow_id").getter(ExecutionItem::workflowId)
              .setter(ExecutionItem.Builder::workflowId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(ExecutionItem::workflowVersion)
              .setter(ExecutionItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("triggered_by").getter(ExecutionItem::triggeredBy)
              .setter(ExecutionItem.Builder::triggeredBy))
          .addAttribute(TriggerType.class, a -> a.name("trigger_type").getter(ExecutionItem::triggerType)
              .setter(ExecutionItem.Builder::triggerType).attributeConverter(ChoiceConverter.of(TriggerType.class)))
          .addAttribute(ExecutionStatus.class, a -> a.name("status").getter(ExecutionItem::status)
              .setter(ExecutionItem.Builder::status).attributeConverter(ChoiceConverter.of(ExecutionStatus.class)))
          .addAttribute(String.class, a -> a.name("current_step").getter(ExecutionItem::currentStep)
              .setter(ExecutionItem.Builder::currentStep))
          .addAttribute(String.class, a -> a.name("started_at").getter(ExecutionItem::startedAt)
              .setter(ExecutionItem.Builder::startedAt))
          .addAttribute(String.class, a -> a.name("completed_at").getter(ExecutionItem::completedAt)
              .setter(ExecutionItem.Builder::completedAt))
          .addAttribute(String.class, a -> a.name("error_message").getter(ExecutionItem::errorMessage)
              .setter(ExecutionItem.Builder::errorMessage))
          .addAttribute(String.class, a -> a.name("context_data").getter(ExecutionItem::contextData)
              .setter(ExecutionItem.Builder::contextData))
          .addAttribute(String.class, a -> a.name("trigger_data").getter(ExecutionItem::triggerData)
              .setter(ExecutionItem.Builder::triggerData))
          .addAttribute(String.class, a -> a.name("join_arrivals").getter(ExecutionItem::joinArrivals)
              .setter(ExecutionItem.Builder::joinArrivals))
          .addAttribute(String.class, a -> a.name("loop_iterations").getter(ExecutionItem::loopIterations)
              .setter(ExecutionItem.Builder::loopIterations))
          .addAttribute(Long.class, a -> a.name("step_count").getter(ExecutionItem::stepCount)
              .setter(ExecutionItem.Builder::stepCount))
          .build();
}
