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
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

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

  /**
   * {@code folder} placed under {@code parent} ({@code null}: at the top, with no ancestors and only
   * its own grants), as {@link #derive} makes a descendant.
   */
  static FolderItem place(@Nullable FolderItem parent, FolderItem folder) {
    if (parent != null) {
      return derive(parent, folder);
    }
    List<Grant> own = folder.grants().stream().filter(grant -> folder.id().equals(grant.folderId())).toList();
    return folder.withPath("/" + folder.name()).withAncestorIds(List.of()).withGrants(own);
  }

  /**
   * Hides every live folder below {@code root} (just soft-deleted): each gets {@code root}'s
   * {@code deleted_at} and {@code hidden_by} its id, and leaves its parent's children. Folders
   * already deleted are left as they are, so a restore of {@code root} leaves them deleted.
   * Idempotent; returns how many folders were hidden.
   */
  public int hideBelow(TenantId tenant, FolderItem root, String now) {
    String deletedAt = root.deletedAt();
    return rewriteBelow(tenant, root.path(), now, folder -> folder.isDeleted() ? folder
        : folder.withMeta(folder.meta().withDeletedAt(deletedAt)).withHiddenBy(root.id()));
  }

  /** Brings back exactly the folders below {@code root} (just restored) that its delete hid. Idempotent. */
  public int revealBelow(TenantId tenant, FolderItem root, String now) {
    return rewriteBelow(tenant, root.path(), now, folder -> !root.id().equals(folder.hiddenBy()) ? folder
        : folder.withMeta(folder.meta().withDeletedAt(null)).withHiddenBy(null));
  }

  /**
   * Writes {@code change} of every folder below {@code path} that it changes, in version-conditioned
   * batches; a folder changed meanwhile is read and changed again, up to {@link #ATTEMPTS} times.
   */
  private int rewriteBelow(TenantId tenant, String path, String now, UnaryOperator<FolderItem> change) {
    List<FolderItem> batch = new ArrayList<>();
    int count = 0;
    for (FolderItem folder : folders.below(tenant, path)) {
      if (!change.apply(folder).equals(folder)) {
        batch.add(folder);
      }
      if (batch.size() == BATCH) {
        count += writeChanged(tenant, batch, now, change);
        batch.clear();
      }
    }
    return count + writeChanged(tenant, batch, now, change);
  }

  private int writeChanged(TenantId tenant, List<FolderItem> read, String now, UnaryOperator<FolderItem> change) {
    List<FolderItem> pending = List.copyOf(read);
    for (int attempt = 1; ; attempt++) {
      if (pending.isEmpty()) {
        return 0;
      }
      try {
        WriteTransaction tx = transactions.begin();
        for (FolderItem folder : pending) {
          FolderItem next = FolderRepository.indexed(tenant, change.apply(folder).nextVersion(now));
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
          folders.find(tenant, folder.id()).filter(current -> !change.apply(current).equals(current))
              .ifPresent(reread::add);
        }
        pending = reread;
      }
    }
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
