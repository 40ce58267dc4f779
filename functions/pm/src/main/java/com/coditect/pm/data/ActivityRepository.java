package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
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

  /**
   * A history row's key under its task, its entity type and its creation time; append-only, so
   * unversioned.
   */
  public static ItemMeta newMeta(TenantId tenant, String taskId, String activityId, String now) {
    return ItemMeta.at(PmKeys.activity(tenant, taskId, activityId), ActivityItem.ENTITY).withCreatedAt(now);
  }

  /** Adds {@code row} (keyed by {@link #newMeta}) under its task, and in its user's activity if it has a user. */
  public void append(WriteTransaction tx, TenantId tenant, ActivityItem row) {
    put(tx, row.userId() == null ? row : row.withIndex1(PmKeys.activityOfUser(tenant, row.userId()), row.id()));
  }

  /**
   * A page of a task's history, newest first: one Query; empty when the task is unknown or deleted
   * (see {@link TaskChildLists}).
   */
  public Optional<ResultPage<ActivityItem>> newestFirst(TenantId tenant, String taskId, PageRequest page) {
    return lists.newestFirst(table, tenant, taskId, PmKeys.ACTIVITY, null, page);
  }
}
