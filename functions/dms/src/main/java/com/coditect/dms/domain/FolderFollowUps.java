package com.coditect.dms.domain;

import com.coditect.dms.api.FolderResponse;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Folder changes driven by events. A folder's own change and its subtree's are two steps (one
 * transaction, then batches); the event of the first lets these finish the second if the function
 * stopped in between. Each decides from the table, not from the event, and is idempotent, so a
 * replay or a late event changes nothing.
 */
@Singleton
public final class FolderFollowUps {

  private static final Actor SYSTEM = Actor.system("dms");
  private static final int ATTEMPTS = 3;

  private final FolderRepository folders;
  private final FolderTree tree;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  FolderFollowUps(FolderRepository folders, FolderTree tree, Transactions transactions, Outbox outbox, Clock clock) {
    this.folders = folders;
    this.tree = tree;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A folder was renamed or moved from {@code oldPath}: every folder still below the old path is derived again. */
  public int pathChanged(TenantId tenant, String folderId, String oldPath) {
    return folders.find(tenant, folderId)
        .map(folder -> tree.refreshBelow(tenant, folder, oldPath, Timestamps.now(clock)))
        .orElse(0);
  }

  /** A folder was deleted: if it still is, every live folder below it is hidden. */
  public int deleted(TenantId tenant, String folderId) {
    return folders.find(tenant, folderId).filter(folder -> folder.isDeleted() && folder.hiddenBy() == null)
        .map(folder -> tree.hideBelow(tenant, folder, Timestamps.now(clock)))
        .orElse(0);
  }

  /** A folder was restored: if it is still live, the folders its delete hid come back. */
  public int restored(TenantId tenant, String folderId) {
    return folders.find(tenant, folderId).filter(folder -> !folder.isDeleted())
        .map(folder -> tree.revealBelow(tenant, folder, Timestamps.now(clock)))
        .orElse(0);
  }

  /**
   * A project was deleted: the folders linked to it keep existing with no project (the spec's
   * SET_NULL), each as a new version with a {@code folder.updated} event by the platform.
   */
  public int projectDeleted(TenantId tenant, String projectId) {
    int unlinked = 0;
    for (FolderItem folder : folders.ofProject(tenant, projectId)) {
      if (unlink(tenant, folder, projectId)) {
        unlinked++;
      }
    }
    return unlinked;
  }

  /** Clears the folder's project, conditional on the version read; a folder changed meanwhile is read again. */
  private boolean unlink(TenantId tenant, FolderItem first, String projectId) {
    Optional<FolderItem> read = Optional.of(first);
    for (int attempt = 1; ; attempt++) {
      if (read.isEmpty() || !projectId.equals(read.get().projectId())) {
        return false;
      }
      FolderItem folder = read.get();
      FolderItem unlinked = FolderRepository.indexed(tenant, folder.withProjectId(null)
          .nextVersion(Timestamps.now(clock)));
      try {
        WriteTransaction tx = transactions.begin();
        folders.replace(tx, unlinked, folder.version(), () -> new ConflictException("The folder changed meanwhile."));
        outbox.record(tx, tenant, SYSTEM, "folder.updated", "folder", folder.id(), FolderResponse.from(folder),
            FolderResponse.from(unlinked));
        tx.commit();
        return true;
      } catch (ConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        read = folders.find(tenant, folder.id());
      }
    }
  }
}
