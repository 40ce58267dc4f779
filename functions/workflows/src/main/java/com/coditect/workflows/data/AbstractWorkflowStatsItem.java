package com.coditect.workflows.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.workflows.model.NodeType;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One UTC day of a workflow's analysis for one scope, kept by the step, execution and approval
 * events (never by reading executions): {@code PK=T#t#WF#w#STATS#<version|ALL>},
 * {@code SK=DAY#<yyyy-mm-dd>#WF | #STEP#<node id> | #APPROVER#<user id>}. Every event adds to two
 * of them, its version's and all versions', so a period of either is one Query. The counters that
 * do not apply to the scope stay 0. The sketches are HdrHistograms of milliseconds, compressed:
 * {@code durations} (a step's attempts, an execution's time to complete, an approver's
 * turnaround) and {@code waits} (a step's wait before it started). Changed only conditionally on
 * the {@code version} read; concurrent events of one day retry.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractWorkflowStatsItem implements StoredItem<WorkflowStatsItem> {

  public static final String ENTITY = "WORKFLOW_STATS";

  public abstract String workflowId();

  /** The workflow version counted; null in the all-versions aggregate. */
  public abstract @Nullable Long workflowVersion();

  public abstract String day();

  public abstract StatsScope scope();

  /** The node id (step) or user id (approver); null for the workflow scope. */
  public abstract @Nullable String subject();

  /** A step's node type and the name it had in the latest event counted. */
  public abstract @Nullable NodeType nodeType();

  public abstract @Nullable String nodeName();

  /** Step: runs that ended (completed, or failed without a retry to come). */
  public abstract Long runs();

  /** Step: runs that ended failed (error or timeout). */
  public abstract Long failures();

  /** Step: failed attempts retried. */
  public abstract Long retries();

  public abstract Long started();

  public abstract Long completed();

  public abstract Long failed();

  public abstract Long cancelled();

  public abstract Long approved();

  public abstract Long rejected();

  public abstract Long expired();

  public abstract @Nullable SdkBytes durations();

  public abstract @Nullable SdkBytes waits();

  public static final TableSchema<WorkflowStatsItem> SCHEMA =
      StaticImmutableTableSchema.builder(WorkflowStatsItem.class, WorkflowStatsItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(WorkflowStatsItem::builder, WorkflowStatsItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, WorkflowStatsItem::meta, WorkflowStatsItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("workflow_id").getter(WorkflowStatsItem::workflowId)
              .setter(WorkflowStatsItem.Builder::workflowId))
          .addAttribute(Long.class, a -> a.name("workflow_version").getter(WorkflowStatsItem::workflowVersion)
              .setter(WorkflowStatsItem.Builder::workflowVersion))
          .addAttribute(String.class, a -> a.name("day").getter(WorkflowStatsItem::day)
              .setter(WorkflowStatsItem.Builder::day))
          .addAttribute(StatsScope.class, a -> a.name("scope").getter(WorkflowStatsItem::scope)
              .setter(WorkflowStatsItem.Builder::scope).attributeConverter(ChoiceConverter.of(StatsScope.class)))
          .addAttribute(String.class, a -> a.name("subject").getter(WorkflowStatsItem::subject)
              .setter(WorkflowStatsItem.Builder::subject))
          .addAttribute(NodeType.class, a -> a.name("node_type").getter(WorkflowStatsItem::nodeType)
              .setter(WorkflowStatsItem.Builder::nodeType).attributeConverter(ChoiceConverter.of(NodeType.class)))
          .addAttribute(String.class, a -> a.name("node_name").getter(WorkflowStatsItem::nodeName)
              .setter(WorkflowStatsItem.Builder::nodeName))
          .addAttribute(Long.class, a -> a.name("runs").getter(WorkflowStatsItem::runs)
              .setter(WorkflowStatsItem.Builder::runs))
          .addAttribute(Long.class, a -> a.name("failures").getter(WorkflowStatsItem::failures)
              .setter(WorkflowStatsItem.Builder::failures))
          .addAttribute(Long.class, a -> a.name("retries").getter(WorkflowStatsItem::retries)
              .setter(WorkflowStatsItem.Builder::retries))
          .addAttribute(Long.class, a -> a.name("started").getter(WorkflowStatsItem::started)
              .setter(WorkflowStatsItem.Builder::started))
          .addAttribute(Long.class, a -> a.name("completed").getter(WorkflowStatsItem::completed)
              .setter(WorkflowStatsItem.Builder::completed))
          .addAttribute(Long.class, a -> a.name("failed").getter(WorkflowStatsItem::failed)
              .setter(WorkflowStatsItem.Builder::failed))
          .addAttribute(Long.class, a -> a.name("cancelled").getter(WorkflowStatsItem::cancelled)
              .setter(WorkflowStatsItem.Builder::cancelled))
          .addAttribute(Long.class, a -> a.name("approved").getter(WorkflowStatsItem::approved)
              .setter(WorkflowStatsItem.Builder::approved))
          .addAttribute(Long.class, a -> a.name("rejected").getter(WorkflowStatsItem::rejected)
              .setter(WorkflowStatsItem.Builder::rejected))
          .addAttribute(Long.class, a -> a.name("expired").getter(WorkflowStatsItem::expired)
              .setter(WorkflowStatsItem.Builder::expired))
          .addAttribute(SdkBytes.class, a -> a.name("durations").getter(WorkflowStatsItem::durations)
              .setter(WorkflowStatsItem.Builder::durations).attributeConverter(SketchBytesConverter.INSTANCE))
          .addAttribute(SdkBytes.class, a -> a.name("waits").getter(WorkflowStatsItem::waits)
              .setter(WorkflowStatsItem.Builder::waits).attributeConverter(SketchBytesConverter.INSTANCE))
          .build();
}
