package com.coditect.dms.domain;

import com.coditect.dms.data.GrantTargets;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The safety net of a folder's grant change: a grant or revoke rewrites the folder in its
 * transaction and its subtree right after, in the request. Were the request cut short between the
 * two, the {@code permission.granted}/{@code permission.revoked} event (written with the change)
 * brings it here, and the subtree is derived again from the folder as it is now.
 * {@link FolderTree#refreshBelow} is idempotent, so when nothing was cut short this rewrites nothing.
 */
@Singleton
public final class FolderGrantRefresh {

  private final GrantTargets targets;
  private final FolderTree tree;
  private final Clock clock;

  @Inject
  FolderGrantRefresh(GrantTargets targets, FolderTree tree, Clock clock) {
    this.targets = targets;
    this.tree = tree;
    this.clock = clock;
  }

  /** @return how many folders below {@code folderId} were rewritten (0: gone, or already right) */
  public int refresh(TenantId tenant, String folderId) {
    return targets.folder(tenant, folderId)
        .map(folder -> tree.refreshBelow(tenant, folder, folder.path(), Timestamps.now(clock)))
        .orElse(0);
  }
}
