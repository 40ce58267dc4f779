package com.coditect.dms.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Whether a project is a live project of the tenant (tenancy owns projects); checked in the write that links it. */
@Singleton
public final class ProjectRepository {

  @Inject
  public ProjectRepository() {}

  /** Checks, in a write, that the project still lives; fails with {@code onMissing}. */
  public void requireLive(WriteTransaction tx, TenantId tenant, String projectId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.project(tenant, projectId), onMissing);
  }
}
