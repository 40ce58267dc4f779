package com.coditect.pm.data;

import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
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
public final class TaskItem extends TableItem {

  public static final String ENTITY = "TASK";
  public static final String ROW_ENTITY = "TASK_ROW";

  public String id;
  /** The human key, e.g. {@code ENG-42}: the project's key and the task's number. */
  public String key;
  public Long number;
  public String projectId;
  public String title;
  public String description;
  public TaskType taskType;
  public TaskStatus status;
  public TaskPriority priority;
  public String assigneeId;
  public String reporterId;
  public String sprintId;
  public String milestoneId;
  public String parentTaskId;
  /** Ids from the root task down to the parent: "is X an ancestor of Y" is one look at Y. */
  public List<String> ancestorIds;
  public Integer storyPoints;
  public String dueDate;
  public String startedAt;
  public String completedAt;
  public List<String> tags;
  /** The custom fields as a JSON object's text (a free-form object the API returns as is). */
  public String customFields;
  /** Board order within a status: a fractional-index string (see {@code Ranks}); on the task and its board row only. */
  public String rank;

  public static final TableSchema<TaskItem> SCHEMA =
      StaticTableSchema.builder(TaskItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(TaskItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("key").getter(i -> i.key).setter((i, v) -> i.key = v))
          .addAttribute(Long.class, a -> a.name("number").getter(i -> i.number).setter((i, v) -> i.number = v))
          .addAttribute(String.class, a -> a.name("project_id").getter(i -> i.projectId).setter((i, v) -> i.projectId = v))
          .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
          .addAttribute(String.class, a -> a.name("description").getter(i -> i.description)
              .setter((i, v) -> i.description = v))
          .addAttribute(TaskType.class, a -> a.name("task_type").getter(i -> i.taskType).setter((i, v) -> i.taskType = v)
              .attributeConverter(ChoiceConverter.of(TaskType.class)))
          .addAttribute(TaskStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(TaskStatus.class)))
          .addAttribute(TaskPriority.class, a -> a.name("priority").getter(i -> i.priority)
              .setter((i, v) -> i.priority = v).attributeConverter(ChoiceConverter.of(TaskPriority.class)))
          .addAttribute(String.class, a -> a.name("assignee_id").getter(i -> i.assigneeId)
              .setter((i, v) -> i.assigneeId = v))
          .addAttribute(String.class, a -> a.name("reporter_id").getter(i -> i.reporterId)
              .setter((i, v) -> i.reporterId = v))
          .addAttribute(String.class, a -> a.name("sprint_id").getter(i -> i.sprintId).setter((i, v) -> i.sprintId = v))
          .addAttribute(String.class, a -> a.name("milestone_id").getter(i -> i.milestoneId)
              .setter((i, v) -> i.milestoneId = v))
          .addAttribute(String.class, a -> a.name("parent_task_id").getter(i -> i.parentTaskId)
              .setter((i, v) -> i.parentTaskId = v))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("ancestor_ids").getter(i -> i.ancestorIds)
              .setter((i, v) -> i.ancestorIds = v))
          .addAttribute(Integer.class, a -> a.name("story_points").getter(i -> i.storyPoints)
              .setter((i, v) -> i.storyPoints = v))
          .addAttribute(String.class, a -> a.name("due_date").getter(i -> i.dueDate).setter((i, v) -> i.dueDate = v))
          .addAttribute(String.class, a -> a.name("started_at").getter(i -> i.startedAt).setter((i, v) -> i.startedAt = v))
          .addAttribute(String.class, a -> a.name("completed_at").getter(i -> i.completedAt)
              .setter((i, v) -> i.completedAt = v))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("tags").getter(i -> i.tags)
              .setter((i, v) -> i.tags = v))
          .addAttribute(String.class, a -> a.name("custom_fields").getter(i -> i.customFields)
              .setter((i, v) -> i.customFields = v))
          .addAttribute(String.class, a -> a.name("rank").getter(i -> i.rank).setter((i, v) -> i.rank = v))
          .build();

  /** A copy of this task under another key, as a row: without what only the task itself carries. */
  public TaskItem rowAt(String partition, String sort) {
    TaskItem row = copy();
    row.description = null;
    row.customFields = null;
    row.ancestorIds = null;
    row.rank = null;
    row.pk = partition;
    row.sk = sort;
    row.gsi1pk = null;
    row.gsi1sk = null;
    row.gsi2pk = null;
    row.gsi2sk = null;
    row.entityType = ROW_ENTITY;
    return row;
  }

  /** A copy of this task as its board row: a row that keeps the rank, which orders it there. */
  public TaskItem boardRowAt(String partition) {
    TaskItem row = rowAt(partition, boardSortKey());
    row.rank = rank;
    return row;
  }

  /** Where the board row sorts in the project's board partition: by status, then rank. */
  public String boardSortKey() {
    return status.apiName() + "#" + rank + "#" + id;
  }

  /** True for a row (a list row or the key row), which lacks what only the task itself carries. */
  public boolean isRow() {
    return ROW_ENTITY.equals(entityType);
  }

  /**
   * This task as its own item, keyed as such: a write must never put a row's keys (or a row's
   * missing description) in the task's place, so this refuses a row.
   */
  public TaskItem asEntity(TenantId tenant) {
    if (isRow()) {
      throw new IllegalStateException("a task row is not the task: read the task itself to write it");
    }
    var key = PmKeys.task(tenant, id);
    pk = key.partitionKeyValue().s();
    sk = key.sortKeyValue().orElseThrow().s();
    entityType = ENTITY;
    return this;
  }

  /** Stamps a new task (its key from its id, entity type, version 1, creation time). */
  public void stampNew(TenantId tenant, String now) {
    stampNew(PmKeys.task(tenant, id), ENTITY, now);
  }

  /**
   * What each of {@code attributes} weighs in this task's item as DynamoDB counts it ({@link
   * ItemSize}; 0 when unset), in the order asked.
   */
  public Map<String, Long> attributeBytes(List<String> attributes) {
    Map<String, AttributeValue> item = SCHEMA.itemToMap(this, true);
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (String attribute : attributes) {
      AttributeValue value = item.get(attribute);
      bytes.put(attribute, value == null ? 0 : ItemSize.attribute(attribute, value));
    }
    return bytes;
  }

  /** A field-by-field copy (lists are immutable, so sharing them is safe). */
  public TaskItem copy() {
    return SCHEMA.mapToItem(SCHEMA.itemToMap(this, true));
  }
}
