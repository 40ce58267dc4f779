package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.NodeType;
import com.coditect.workflows.model.StepStatus;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One step of an execution (spec Domain 3.3): {@code PK=T#t#EXEC#e, SK=STEP#s}, {@code s} a UUIDv7
 * made when the step is created, so the partition lists steps in order of creation (newest first
 * reading backwards). A node that runs again (a loop, a retry from the failed step) gets a new step.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractStepItem implements StoredItem<StepItem> {

  public static final String ENTITY = "WORKFLOW_STEP";

  public abstract String id();

  public abstract String executionId();

  /** The node id in the definition. */
  public abstract String stepId();

  public abstract String stepName();

  public abstract NodeType stepType();

  public abstract StepStatus status();

  public abstract @Nullable String startedAt();

  public abstract @Nullable String completedAt();

  /** JSON text. */
  public abstract String inputData();

  /** JSON text. */
  public abstract String outputData();

  public abstract @Nullable String errorMessage();

  /** 1 for the first try of an action, then 2, 3... */
  public abstract @Nullable Integer attempt();

  /**
   * The attempt whose work the engine dispatched (an action requested, a wait's timer made): a
   * duplicate {@code step.started} or retry timer finds it equal to {@code attempt} and does nothing.
   */
  public abstract @Nullable Integer dispatchedAttempt();

  /**
   * The id of the dispatched attempt's request (an action's {@code request_id}, a UUIDv7: the id
   * of what the consumer makes, e.g. the task); an answer naming another request is ignored.
   */
  public abstract @Nullable String requestId();

  public static final TableSchema<StepItem> SCHEMA =
      StaticImmutableTableSchema.builder(StepItem.class, StepItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(StepItem::builder, StepItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, StepItem::meta, StepItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(StepItem::id)
              .setter(StepItem.Builder::id))
          .addAttribute(String.class, a -> a.name("execution_id").getter(StepItem::executionId)
              .setter(StepItem.Builder::executionId))
          .addAttribute(String.class, a -> a.name("step_id").getter(StepItem::stepId)
              .setter(StepItem.Builder::stepId))
          .addAttribute(String.class, a -> a.name("step_name").getter(StepItem::stepName)
              .setter(StepItem.Builder::stepName))
          .addAttribute(NodeType.class, a -> a.name("step_type").getter(StepItem::stepType)
              .setter(StepItem.Builder::stepType).attributeConverter(ChoiceConverter.of(NodeType.class)))
          .addAttribute(StepStatus.class, a -> a.name("status").getter(StepItem::status)
              .setter(StepItem.Builder::status).attributeConverter(ChoiceConverter.of(StepStatus.class)))
          .addAttribute(String.class, a -> a.name("started_at").getter(StepItem::startedAt)
              .setter(StepItem.Builder::startedAt))
          .addAttribute(String.class, a -> a.name("completed_at").getter(StepItem::completedAt)
              .setter(StepItem.Builder::completedAt))
          .addAttribute(String.class, a -> a.name("input_data").getter(StepItem::inputData)
              .setter(StepItem.Builder::inputData))
          .addAttribute(String.class, a -> a.name("output_data").getter(StepItem::outputData)
              .setter(StepItem.Builder::outputData))
          .addAttribute(String.class, a -> a.name("error_message").getter(StepItem::errorMessage)
              .setter(StepItem.Builder::errorMessage))
          .addAttribute(Integer.class, a -> a.name("attempt").getter(StepItem::attempt)
              .setter(StepItem.Builder::attempt))
          .addAttribute(Integer.class, a -> a.name("dispatched_attempt").getter(StepItem::dispatchedAttempt)
              .setter(StepItem.Builder::dispatchedAttempt))
          .addAttribute(String.class, a -> a.name("request_id").getter(StepItem::requestId)
              .setter(StepItem.Builder::requestId))
          .build();
}
