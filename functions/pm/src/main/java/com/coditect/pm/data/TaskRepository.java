package com.coditect.pm.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
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
    TaskItem found = TASK_KEY.matcher(idOrKey).matches()
        ? table.getItem(PmKeys.taskKeyRow(tenant, idOrKey))
        : table.getItem(PmKeys.task(tenant, idOrKey));
    return Optional.ofNullable(found).filter(task -> !task.isDeleted());
  }

  /** A task by id, deleted or not: one GetItem. */
  public Optional<TaskItem> findAny(TenantId tenant, String taskId) {
    return Optional.ofNullable(table.getItem(PmKeys.task(tenant, taskId)));
  }
}
