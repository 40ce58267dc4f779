package com.coditect.pm.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Reads tasks by the access patterns of docs/access-patterns.md. */
@Singleton
public final class TaskRepository extends ItemRepository<TaskItem> {

  /** A task's human key: the project key (2-10 capitals or digits) and a number. */
  public static final Pattern TASK_KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,9}$");


  @Inject
  public TaskRepository(SingleTable table) {
    super(table, TaskItem.SCHEMA);
  }


  /**
   * A live task, all of it, by id (one GetItem) or by key ({@code ENG-42}: the key row's GetItem
   * gives the id, then the task's). {@code idOrKey} must already be a valid UUID or key.
   */
  public Optional<TaskItem> findLive(TenantId tenant, String idOrKey) {
    return idOf(tenant, idOrKey).flatMap(id -> Optional.ofNullable(table.getItem(PmKeys.task(tenant, id))))
        .filter(task -> !task.isDeleted());
  }

  /**
   * What lists show of a live task, in one GetItem: the task itself by id, its key row by key (a
   * row, without the description and custom fields). For what needs only the id and that it lives.
   */
  public Optional<TaskItem> findLiveRow(TenantId tenant, String idOrKey) {
    return Optional.ofNullable(table.getItem(readKey(tenant, idOrKey))).filter(task -> !task.isDeleted());
  }

  /**
   * The id of the live task {@code idOrKey} names: the reference itself when it is an id (no
   * call), else what its key row says (one GetItem); empty when a key names no live task.
   */
  public Optional<String> idOf(TenantId tenant, String idOrKey) {
    return isKey(idOrKey) ? findLiveRow(tenant, idOrKey).map(task -> task.id) : Optional.of(idOrKey);
  }

  /** Where a task is read from in one call: its item by id, or its key row (a row) by key. */
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
