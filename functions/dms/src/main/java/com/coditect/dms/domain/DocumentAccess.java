package com.coditect.dms.domain;

import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.domain.PermissionResolver.Place;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Access to one document, decided from what is read with it: the document (its own grants), its
 * folder (every grant reaching the folder, inherited ones included) and the caller's teams. A
 * page of a list reads these for all its documents in one batch and keeps what the caller may view.
 */
public final class DocumentAccess {

  private DocumentAccess() {}

  /** The caller's level on {@code document} and the grants behind it. */
  public static Effective effective(Caller caller, Set<String> callerTeams, DocumentItem document,
      @Nullable FolderItem folder, Instant now) {
    return effective(new Subject(caller.userId(), caller.role(), callerTeams), document, folder, now);
  }

  /** The level {@code subject} has on {@code document}, and the grants behind it. */
  public static Effective effective(Subject subject, DocumentItem document, @Nullable FolderItem folder,
      Instant now) {
    List<String> folders = new ArrayList<>();
    List<Grant> grants = new ArrayList<>(document.grants());
    // A folder that no longer holds the document (moved since, or deleted) grants nothing.
    if (folder != null && folder.id().equals(document.folderId()) && !folder.isDeleted()) {
      folders.add(folder.id());
      List<String> fromTop = folder.ancestorIds();
      for (int i = fromTop.size() - 1; i >= 0; i--) {
        folders.add(fromTop.get(i));
      }
      grants.addAll(folder.grants());
    }
    return PermissionResolver.resolve(new Place(document.id(), document.ownerId(), folders), subject, grants, now);
  }

  /**
   * The level {@code subject} has on {@code folder} itself (to change it, or to work inside it):
   * every grant that reaches the folder counts, and its creator has admin on it.
   */
  public static Effective effectiveOnFolder(Subject subject, FolderItem folder, Instant now) {
    List<String> folders = new ArrayList<>();
    folders.add(folder.id());
    List<String> fromTop = folder.ancestorIds();
    for (int i = fromTop.size() - 1; i >= 0; i--) {
      folders.add(fromTop.get(i));
    }
    return PermissionResolver.resolve(new Place(null, folder.createdBy(), folders), subject, folder.grants(), now);
  }

  /** True when the caller may do what {@code needed} allows. */
  public static boolean allows(Effective effective, PermissionLevel needed) {
    return effective.level().map(level -> level.includes(needed)).orElse(false);
  }
}
