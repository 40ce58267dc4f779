package com.coditect.pm.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A task's history rows: appended in the transaction of the change they describe, read newest first. */
@Singleton
public final class ActivityRepository extends ItemRepository<ActivityItem> {

  private final TaskChildLists lists;

  @Inject
  public ActivityRepository(SingleTable table, TaskChildLists lists) {
    super(table, ActivityItem.SCHEMA);
    this.lists = lists;
  }

  /** Adds {@code row} (its id, task and user set) under its task, and in its user's activity if it has a user. */
  public void append(WriteTransaction tx, TenantId tenant, ActivityItem row) {
    var key = PmKeys.activity(tenant, row.taskId, row.id);
    row.pk = key.partitionKeyValue().s();
    row.sk = key.sortKeyValue().orElseThrow().s();
    row.entityType = ActivityItem.ENTITY;
    row.gsi1pk = row.userId == null ? null : PmKeys.activityOfUser(tenant, row.userId);
    row.gsi1sk = row.userId == null ? null : row.id;
    put(tx, row);
  }

  /**
   * A page of a task's history, newest first: one Query; empty when the task is unknown or deleted
   * (see {@link TaskChildLists}).
   */
  public Optional<ResultPage<ActivityItem>> newestFirst(TenantId tenant, String taskId, PageRequest page) {
    return lists.newestFirst(table, tenant, taskId, PmKeys.ACTIVITY, null, page);
  }
}
