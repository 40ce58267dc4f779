package com.coditect.pm.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Reads tasks by the access patterns of docs/access-patterns.md. */
@Singleton
public final class TaskRepository {

  /** A task's human key: the project key (2-10 capitals or digits) and a number. */
  public static final Pattern TASK_KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,9}$");

  private final DynamoDbTable<TaskItem> table;

  @Inject
  public TaskRepository(SingleTable table) {
    this.table = table.view(TaskItem.SCHEMA);
  }

  public DynamoDbTable<TaskItem> table() {
    return table;
  }

  /**
   * A live task by id or by key ({@code ENG-42}): one GetItem either way, since the key row is a
   * full copy of the task. {@code idOrKey} must already be a valid UUID or key.
   */
  public Optional<TaskItem> findLive(TenantId tenant, String idOrKey) {
    return Optional.ofNullable(table.getItem(readKey(tenant, idOrKey))).filter(task -> !task.isDeleted());
  }

  /**
   * The id of the live task {@code idOrKey} names: the reference itself when it is an id (no
   * call), else what its key row says (one GetItem); empty when a key names no live task.
   */
  public Optional<String> idOf(TenantId tenant, String idOrKey) {
    return isKey(idOrKey) ? findLive(tenant, idOrKey).map(task -> task.id) : Optional.of(idOrKey);
  }

  /** Where a task is read from: its item by id, or its key row (a full copy) by key. */
  public static Key readKey(TenantId tenant, String idOrKey) {
    return isKey(idOrKey) ? PmKeys.taskKeyRow(tenant, idOrKey) : PmKeys.task(tenant, idOrKey);
  }

  /** True for a human key ({@code ENG-42}), false for an id. */
  public static boolean isKey(String idOrKey) {
    return TASK_KEY.matcher(idOrKey).matches();
  }

  /** A task by id, deleted or not: one GetItem. */
  public Optional<TaskItem> findAny(TenantId tenant, String taskId) {
    return Optional.ofNullable(table.getItem(PmKeys.task(tenant, taskId)));
  }
}
