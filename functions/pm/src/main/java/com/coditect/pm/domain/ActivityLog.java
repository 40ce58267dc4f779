package com.coditect.pm.domain;

import com.coditect.pm.data.ActivityItem;
import com.coditect.pm.data.PmKeys;
import com.coditect.shared.events.LongText;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Adds task-history rows to the transaction of the change they describe. */
@Singleton
public final class ActivityLog {

  private final DynamoDbTable<ActivityItem> table;

  @Inject
  public ActivityLog(SingleTable table) {
    this.table = table.view(ActivityItem.SCHEMA);
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
    ActivityItem row = new ActivityItem();
    row.id = Ids.newId();
    var key = PmKeys.activity(tenant, taskId, row.id);
    row.pk = key.partitionKeyValue().s();
    row.sk = key.sortKeyValue().orElseThrow().s();
    row.entityType = ActivityItem.ENTITY;
    row.gsi1pk = userId == null ? null : PmKeys.activityOfUser(tenant, userId);
    row.gsi1sk = userId == null ? null : row.id;
    row.createdAt = now;
    row.taskId = taskId;
    row.userId = userId;
    row.action = action;
    row.fieldChanged = field;
    row.oldValue = json(oldValue);
    row.newValue = json(newValue);
    tx.put(table, row);
  }

  private static String json(Object value) {
    return value == null ? null : JsonText.write(LongText.compact(value));
  }
}
