package com.coditect.pm.data;

import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A task, and also each of its list rows and its key row under another key ({@code entity_type}
 * {@code TASK_ROW}). A row carries what a list shows ({@code TaskSummaryResponse}): everything but the
 * description, the custom fields and the ancestor path, so a page of any task list is complete in
 * one Query while a task write does not copy its longest values into each of its rows; only the
 * task's own item has everything. The board rank is on the task and its board row only (the board
 * is the one list in rank order), so renumbering ranks rewrites those two and nothing else. See
 * {@link PmKeys} for the keys.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTaskItem implements StoredItem<TaskItem> {

  public static final String ENTITY = "TASK";
  public static final String ROW_ENTITY = "TASK_ROW";

  public abstract String id();

  /** The human key, e.g. {@code ENG-42}: the project's key and the task's number. */
  public abstract String key();

  public abstract long number();

  public abstract String projectId();

  public abstract String title();

  /** Null on rows, and on a task created without one. */
  public abstract @Nullable String description();

  public abstract TaskType taskType();

  public abstract TaskStatus status();

  public abstract TaskPriority priority();

  public abstract @Nullable String assigneeId();

  public abstract String reporterId();

  public abstract @Nullable String sprintId();

  public abstract @Nullable String milestoneId();

  public abstract @Nullable String parentTaskId();

  /** Ids from the root task down to the parent: "is X an ancestor of Y" is one look at Y. Null on rows. */
  public abstract @Nullable List<String> ancestorIds();

  public abstract @Nullable Integer storyPoints();

  public abstract @Nullable String dueDate();

  public abstract @Nullable String startedAt();

  public abstract @Nullable String completedAt();

  public abstract @Nullable List<String> tags();

  /** The custom fields as a JSON object's text (a free-form object the API returns as is); null on rows. */
  public abstract @Nullable String customFields();

  /** Board order within a status: a fractional-index string (see {@code Ranks}); on the task and its board row only. */
  public abstract @Nullable String rank();

  public static final TableSchema<TaskItem> SCHEMA =
      StaticImmutableTableSchema.builder(TaskItem.class, TaskItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TaskItem::builder, TaskItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TaskItem::meta, TaskItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(TaskItem::id).setter(TaskItem.Builder::id))
          .addAttribute(String.class, a -> a.name("key").getter(TaskItem::key).setter(TaskItem.Builder::key))
          .addAttribute(Long.class, a -> a.name("number").getter(TaskItem::number).setter(TaskItem.Builder::number))
          .addAttribute(String.class, a -> a.name("project_id").getter(TaskItem::projectId)
              .setter(TaskItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("title").getter(TaskItem::title).setter(TaskItem.Builder::title))
          .addAttribute(String.class, a -> a.name("description").getter(TaskItem::description)
              .setter(TaskItem.Builder::description))
          .addAttribute(TaskType.class, a -> a.name("task_type").getter(TaskItem::taskType)
              .setter(TaskItem.Builder::taskType).attributeConverter(ChoiceConverter.of(TaskType.class)))
          .addAttribute(TaskStatus.class, a -> a.name("status").getter(TaskItem::status)
              .setter(TaskItem.Builder::status).attributeConverter(ChoiceConverter.of(TaskStatus.class)))
          .addAttribute(TaskPriority.class, a -> a.name("priority").getter(TaskItem::priority)
              .setter(TaskItem.Builder::priority).attributeConverter(ChoiceConverter.of(TaskPriority.class)))
          .addAttribute(String.class, a -> a.name("assignee_id").getter(TaskItem::assigneeId)
              .setter(TaskItem.Builder::assigneeId))
          .addAttribute(String.class, a -> a.name("reporter_id").getter(TaskItem::reporterId)
              .setter(TaskItem.Builder::reporterId))
          .addAttribute(String.class, a -> a.name("sprint_id").getter(TaskItem::sprintId)
              .setter(TaskItem.Builder::sprintId))
          .addAttribute(String.class, a -> a.name("milestone_id").getter(TaskItem::milestoneId)
              .setter(TaskItem.Builder::milestoneId))
          .addAttribute(String.class, a -> a.name("parent_task_id").getter(TaskItem::parentTaskId)
              .setter(TaskItem.Builder::parentTaskId))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("ancestor_ids").getter(TaskItem::ancestorIds)
              .setter(TaskItem.Builder::ancestorIds))
          .addAttribute(Integer.class, a -> a.name("story_points").getter(TaskItem::storyPoints)
              .setter(TaskItem.Builder::storyPoints))
          .addAttribute(String.class, a -> a.name("due_date").getter(TaskItem::dueDate)
              .setter(TaskItem.Builder::dueDate))
          .addAttribute(String.class, a -> a.name("started_at").getter(TaskItem::startedAt)
              .setter(TaskItem.Builder::startedAt))
          .addAttribute(String.class, a -> a.name("completed_at").getter(TaskItem::completedAt)
              .setter(TaskItem.Builder::completedAt))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("tags").getter(TaskItem::tags)
              .setter(TaskItem.Builder::tags))
          .addAttribute(String.class, a -> a.name("custom_fields").getter(TaskItem::customFields)
              .setter(TaskItem.Builder::customFields))
          .addAttribute(String.class, a -> a.name("rank").getter(TaskItem::rank).setter(TaskItem.Builder::rank))
          .build();

  /** A copy of this task under another key, as a row: without what only the task itself carries. */
  public TaskItem rowAt(String partition, String sort) {
    ItemMeta rowMeta = ItemMeta.builder().from(meta())
        .pk(partition)
        .sk(sort)
        .gsi1pk(null)
        .gsi1sk(null)
        .gsi2pk(null)
        .gsi2sk(null)
        .entityType(ROW_ENTITY)
        .build();
    return TaskItem.builder().from(this)
        .meta(rowMeta)
        .description(null)
        .customFields(null)
        .ancestorIds(null)
        .rank(null)
        .build();
  }

  /** A copy of this task as its board row: a row that keeps the rank, which orders it there. */
  public TaskItem boardRowAt(String partition) {
    return rowAt(partition, boardSortKey()).withRank(rank());
  }

  /** Where the board row sorts in the project's board partition: by status, then rank. */
  public String boardSortKey() {
    return status().apiName() + "#" + rank() + "#" + id();
  }

  /** True for a row (a list row or the key row), which lacks what only the task itself carries. */
  public boolean isRow() {
    return ROW_ENTITY.equals(meta().entityType());
  }

  /**
   * This task as its own item, keyed as such: a write must never put a row's keys (or a row's
   * missing description) in the task's place, so this refuses a row.
   */
  public TaskItem asEntity(TenantId tenant) {
    if (isRow()) {
      throw new IllegalStateException("a task row is not the task: read the task itself to write it");
    }
    var key = PmKeys.task(tenant, id());
    return withMeta(meta().withPk(key.partitionKeyValue().s()).withSk(key.sortKeyValue().orElseThrow().s())
        .withEntityType(ENTITY));
  }

  /**
   * What each of {@code attributes} weighs in this task's item as DynamoDB counts it ({@link
   * ItemSize}; 0 when unset), in the order asked.
   */
  public Map<String, Long> attributeBytes(List<String> attributes) {
    // Every instance is the generated TaskItem, the only subclass.
    Map<String, AttributeValue> item = SCHEMA.itemToMap((TaskItem) this, true);
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (String attribute : attributes) {
      AttributeValue value = item.get(attribute);
      bytes.put(attribute, value == null ? 0 : ItemSize.attribute(attribute, value));
    }
    return bytes;
  }
}
