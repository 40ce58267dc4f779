package com.coditect.dms.domain;

import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.data.Grant;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What a folder's descendants derive from it: their {@code path}, their {@code ancestor_ids} and
 * the grants they inherit. After a folder is moved, renamed or has its grants changed (its own item
 * already written), {@link #refreshBelow} rewrites every descendant from its parent's new state.
 *
 * <p>Each descendant is recomputed from its parent alone, so the walk is idempotent and can be run
 * again after a failure: descendants already rewritten are left as they are, and a parent not seen
 * in this walk is read (consistently) from the table.
 */
@Singleton
public final class FolderTree {

  /** Descendants written per transaction: small enough that a conflict retries little. */
  static final int BATCH = 25;
  private static final int ATTEMPTS = 3;

  private final FolderRepository folders;
  private final Transactions transactions;

  @Inject
  FolderTree(FolderRepository folders, Transactions transactions) {
    this.folders = folders;
    this.transactions = transactions;
  }

  /**
   * Rewrites every descendant of {@code root} (found under {@code oldPath}, its path before the
   * change; its current path when it did not move) from its parent's state; returns how many
   * folders were rewritten.
   */
  public int refreshBelow(TenantId tenant, FolderItem root, String oldPath, String now) {
    Map<String, FolderItem> written = new HashMap<>();
    written.put(root.id(), root);
    List<FolderItem> batch = new ArrayList<>();
    int count = 0;
    for (FolderItem descendant : folders.below(tenant, oldPath)) {
      FolderItem parent = parentOf(tenant, descendant, written);
      FolderItem derived = derive(parent, descendant);
      written.put(derived.id(), derived);
      if (!derived.equals(descendant)) {
        batch.add(descendant);
      }
      if (batch.size() == BATCH) {
        count += write(tenant, batch, written, now);
        batch.clear();
      }
    }
    count += write(tenant, batch, written, now);
    return count;
  }

  /**
   * {@code folder} as its parent makes it: below the parent's path and ancestors, inheriting every
   * grant that reaches the parent, and keeping the grants made on the folder itself.
   */
  static FolderItem derive(FolderItem parent, FolderItem folder) {
    List<String> ancestors = new ArrayList<>(parent.ancestorIds());
    ancestors.add(parent.id());
    List<Grant> grants = new ArrayList<>(parent.grants());
    for (Grant grant : folder.grants()) {
      if (folder.id().equals(grant.folderId())) {
        grants.add(grant);
      }
    }
    return folder.withPath(parent.path() + "/" + folder.name()).withAncestorIds(ancestors).withGrants(grants);
  }

  private FolderItem parentOf(TenantId tenant, FolderItem folder, Map<String, FolderItem> written) {
    FolderItem parent = written.get(folder.parentId());
    if (parent == null) {
      parent = folders.find(tenant, folder.parentId())
          .orElseThrow(() -> new IllegalStateException("folder " + folder.id() + " has no parent item"));
      written.put(parent.id(), parent);
    }
    return parent;
  }

  /**
   * Writes the derived state of {@code read} (each conditional on the version read); a folder
   * changed meanwhile (renamed, say) is read again and derived again, up to {@link #ATTEMPTS} times.
   */
  private int write(TenantId tenant, List<FolderItem> read, Map<String, FolderItem> derived, String now) {
    if (read.isEmpty()) {
      return 0;
    }
    List<FolderItem> pending = List.copyOf(read);
    for (int attempt = 1; ; attempt++) {
      try {
        WriteTransaction tx = transactions.begin();
        for (FolderItem folder : pending) {
          FolderItem next = FolderRepository.indexed(tenant, derived.get(folder.id()).nextVersion(now));
          folders.replace(tx, next, folder.version(), () -> new ConflictException("A folder changed meanwhile."));
        }
        tx.commit();
        return pending.size();
      } catch (ConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        List<FolderItem> reread = new ArrayList<>();
        for (FolderItem folder : pending) {
          folders.find(tenant, folder.id()).ifPresent(current -> {
            derived.put(current.id(), derive(parentOf(tenant, current, derived), current));
            reread.add(current);
          });
        }
        pending = reread;
      }
    }
  }
}
