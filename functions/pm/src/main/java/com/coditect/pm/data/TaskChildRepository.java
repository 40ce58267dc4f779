package com.coditect.pm.data;

import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.StoredItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Reads a task together with what a request about one of its children needs, so that a child of a
 * deleted or unknown task is as absent as the task:
 * <ul>
 *   <li>a child (a comment, an attachment): by task id one {@code BatchGetItem}; by task key
 *       ({@code ENG-42}) the key must be resolved first, so two {@code GetItem}s;
 *   <li>for a create, the record of its {@code Idempotency-Key}: one {@code BatchGetItem} either
 *       way, since the key row tells the task's id and that it lives, which is all a child needs.
 * </ul>
 * The task comes as a row when named by key (without its description and custom fields).
 */
@Singleton
public final class TaskChildRepository {

  private final SingleTable table;
  private final TaskRepository tasks;
  private final BatchReads reads;

  @Inject
  public TaskChildRepository(SingleTable table, TaskRepository tasks, BatchReads reads) {
    this.table = table;
    this.tasks = tasks;
    this.reads = reads;
  }

  /** A live task and, if it exists, its child. */
  public record TaskChild<C>(TaskItem task, Optional<C> child) {}

  /** A task (empty if unknown or deleted) and the idempotency record read with it (null if absent). */
  public record TaskAndRecord(Optional<TaskItem> task, IdempotencyItem idempotencyRecord) {}

  /**
   * The live task {@code taskRef} names (a valid id or key) with its child at
   * {@code childKey(task id)}; empty when the task is unknown or deleted.
   */
  public <C extends StoredItem<C>> Optional<TaskChild<C>> find(TenantId tenant, String taskRef,
      Function<String, Key> childKey, TableSchema<C> childSchema) {
    if (TaskRepository.isKey(taskRef)) {
      return tasks.findLiveRow(tenant, taskRef).map(task -> new TaskChild<>(task,
          Optional.ofNullable(table.view(childSchema).getItem(childKey.apply(task.id())))));
    }
    Key taskKey = PmKeys.task(tenant, taskRef);
    Key key = childKey.apply(taskRef);
    BatchReads.Found found = reads.get(List.of(taskKey, key));
    return found.task(taskKey).filter(task -> !task.isDeleted())
        .map(task -> new TaskChild<>(task, found.raw(key).map(childSchema::mapToItem)));
  }

  /**
   * The live task {@code taskRef} names, and the idempotency record at {@code recordKey} (if any):
   * one BatchGetItem.
   */
  public TaskAndRecord findWithRecord(TenantId tenant, String taskRef, Optional<Key> recordKey) {
    Key taskKey = TaskRepository.readKey(tenant, taskRef);
    List<Key> wanted = new ArrayList<>(List.of(taskKey));
    recordKey.ifPresent(wanted::add);
    BatchReads.Found found = reads.get(wanted);
    return new TaskAndRecord(found.task(taskKey).filter(task -> !task.isDeleted()),
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }
}
