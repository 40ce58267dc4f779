package com.coditect.pm.domain;

import com.coditect.pm.data.ActivityItem;
import com.coditect.pm.data.ActivityRepository;
import com.coditect.shared.events.LongText;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Adds task-history rows to the transaction of the change they describe. */
@Singleton
public final class ActivityLog {

  private final ActivityRepository rows;

  @Inject
  public ActivityLog(ActivityRepository rows) {
    this.rows = rows;
  }

  /**
   * One history row: {@code action} (created, updated, status_changed, assigned, commented, ...),
   * the field it concerns (null for whole-task actions) and its old and new values. A value over
   * {@value LongText#MAX_CHARS} characters is kept as its length and SHA-256 ({@link LongText}): the
   * row shows that it changed and to what, the value itself is in the task, and the row stays one
   * write unit however long a description grows.
   */
  public void add(WriteTransaction tx, TenantId tenant, String taskId, String userId, String action,
      String field, Object oldValue, Object newValue, String now) {
    String id = Ids.newId();
    ActivityItem row = ActivityItem.builder()
        .meta(ActivityRepository.newMeta(tenant, taskId, id, now))
        .id(id)
        .taskId(taskId)
        .userId(userId)
        .action(action)
        .fieldChanged(field)
        .oldValue(json(oldValue))
        .newValue(json(newValue))
        .build();
    rows.append(tx, tenant, row);
  }

  private static String json(Object value) {
    return value == null ? null : JsonText.write(LongText.compact(value));
  }
}
