package com.coditect.pm.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads one child of a task (a comment, an attachment) together with the task, so that a child of
 * a deleted or unknown task is as absent as the task. By task id this is one {@code BatchGetItem};
 * by task key ({@code ENG-42}) the key must first be resolved, so it is two {@code GetItem}s.
 */
@Singleton
public final class TaskChildReader {

  /** DynamoDB leaves keys unprocessed only when throttled; a few immediate retries ride that out. */
  private static final int MAX_BATCH_ATTEMPTS = 3;

  private final SingleTable table;
  private final TaskRepository tasks;

  @Inject
  public TaskChildReader(SingleTable table, TaskRepository tasks) {
    this.table = table;
    this.tasks = tasks;
  }

  /** A live task and, if it exists, its child. */
  public record TaskChild<C>(TaskItem task, Optional<C> child) {}

  /**
   * The live task {@code taskRef} names (a valid id or key) with its child at
   * {@code childKey(task id)}; empty when the task is unknown or deleted.
   */
  public <C extends TableItem> Optional<TaskChild<C>> find(TenantId tenant, String taskRef,
      Function<String, Key> childKey, TableSchema<C> childSchema) {
    if (TaskRepository.TASK_KEY.matcher(taskRef).matches()) {
      return tasks.findLive(tenant, taskRef).map(task -> new TaskChild<>(task,
          Optional.ofNullable(table.view(childSchema).getItem(childKey.apply(task.id)))));
    }
    TaskItem task = null;
    C child = null;
    for (Map<String, AttributeValue> item : batchGet(PmKeys.task(tenant, taskRef), childKey.apply(taskRef))) {
      if (PmKeys.TASK.equals(item.get("SK").s())) {
        task = TaskItem.SCHEMA.mapToItem(item);
      } else {
        child = childSchema.mapToItem(item);
      }
    }
    if (task == null || task.isDeleted()) {
      return Optional.empty();
    }
    return Optional.of(new TaskChild<>(task, Optional.ofNullable(child)));
  }

  private List<Map<String, AttributeValue>> batchGet(Key... keys) {
    List<Map<String, AttributeValue>> keyMaps = new ArrayList<>();
    for (Key key : keys) {
      keyMaps.add(key.keyMap(TaskItem.SCHEMA, TableMetadata.primaryIndexName()));
    }
    Map<String, KeysAndAttributes> pending = Map.of(table.name(), KeysAndAttributes.builder().keys(keyMaps).build());
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    for (int attempt = 0; attempt < MAX_BATCH_ATTEMPTS && !pending.isEmpty(); attempt++) {
      Map<String, KeysAndAttributes> request = pending;
      var response = table.lowLevel().batchGetItem(b -> b.requestItems(request));
      found.addAll(response.responses().getOrDefault(table.name(), List.of()));
      pending = response.unprocessedKeys();
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
    }
    return found;
  }
}
