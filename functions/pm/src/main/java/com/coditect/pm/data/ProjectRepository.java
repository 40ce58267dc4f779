package com.coditect.pm.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Whether a project is a live project of the tenant (tenancy owns projects). Lists of a project's
 * tasks, sprints, milestones or boards ask only when their first page is empty: that is the one
 * case where "no such items" and "no such project" (a 404) look alike. A task's create checks in
 * its transaction that the project still lives.
 */
@Singleton
public final class ProjectRepository {

  private final SingleTable table;

  @Inject
  public ProjectRepository(SingleTable table) {
    this.table = table;
  }

  /** One GetItem (only the attributes that decide it). */
  public boolean isLive(TenantId tenant, String projectId) {
    var item = table.lowLevel().getItem(g -> g.tableName(table.name())
        .key(key(tenant, projectId).primaryKeyMap(UniqueItem.SCHEMA))
        .projectionExpression("PK, deleted_at")).item();
    return item != null && !item.isEmpty() && !item.containsKey("deleted_at");
  }

  /** Checks, in a write, that the project still lives; fails with {@code onMissing}. */
  public void requireLive(WriteTransaction tx, TenantId tenant, String projectId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(key(tenant, projectId), onMissing);
  }

  /** The project's item (tenancy's). */
  static Key key(TenantId tenant, String projectId) {
    return CoreKeys.project(tenant, projectId);
  }
}
