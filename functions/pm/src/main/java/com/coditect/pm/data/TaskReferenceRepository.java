package com.coditect.pm.data;

import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sprint, milestone or user an event names, as the table holds it now. PM's event consumer
 * decides from these, never from the event's changes or arrival order, so each is one strongly
 * consistent GetItem (it must see every write made before the event was sent) of only the
 * attributes that decide. A task write checks the sprint and the user it names in its transaction.
 */
@Singleton
public final class TaskReferenceRepository {

  private static final ChoiceConverter<SprintStatus> SPRINT_STATUS = ChoiceConverter.of(SprintStatus.class);

  private final SingleTable table;

  @Inject
  public TaskReferenceRepository(SingleTable table) {
    this.table = table;
  }

  /** The sprint's status; empty once the sprint is deleted (sprints are hard-deleted). */
  public Optional<SprintStatus> sprintStatus(TenantId tenant, String sprintId) {
    Map<String, AttributeValue> item = read(PmKeys.sprint(tenant, sprintId), "PK, #status");
    return item == null ? Optional.empty() : Optional.ofNullable(item.get("status")).map(SPRINT_STATUS::transformTo);
  }

  /** False once the milestone is deleted (milestones are hard-deleted). */
  public boolean milestoneExists(TenantId tenant, String milestoneId) {
    return read(PmKeys.milestone(tenant, milestoneId), "PK") != null;
  }

  /** True when the tenant's user is deleted, or was never the tenant's. */
  public boolean userIsGone(TenantId tenant, String userId) {
    Map<String, AttributeValue> item = read(CoreKeys.user(tenant, userId), "PK, deleted_at");
    return item == null || item.containsKey("deleted_at");
  }

  /** Checks, in a write, that the user is a live user of the tenant; fails with {@code onMissing}. */
  public void requireLiveUser(WriteTransaction tx, TenantId tenant, String userId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.user(tenant, userId), onMissing);
  }

  private Map<String, AttributeValue> read(Key key, String projection) {
    var response = table.lowLevel().getItem(g -> {
      g.tableName(table.name()).key(key.primaryKeyMap(UniqueItem.SCHEMA)).consistentRead(true)
          .projectionExpression(projection);
      if (projection.contains("#status")) {
        g.expressionAttributeNames(Map.of("#status", "status"));
      }
    });
    return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }
}
