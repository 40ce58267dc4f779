package com.coditect.dms.domain;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DmsReads.Found;
import com.coditect.dms.data.DmsReads;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.tenancy.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Reads a document with what deciding the caller's access needs, and says what the caller may do.
 * One BatchGetItem reads the document, the caller's teams and whatever else the operation names;
 * a caller who is not a tenant owner or admin and whose document is in a folder needs one more
 * read, of the folder (its id is known only from the document). A caller who may not even view
 * the document gets 404, as for a document that does not exist; one who may view it but not do
 * what is asked gets 403.
 */
@Singleton
public final class DocumentGuard {

  private final DmsReads reads;
  private final Clock clock;

  @Inject
  DocumentGuard(DmsReads reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  /** A document with the caller's level on it and everything else the read found. */
  public record Loaded(DocumentItem document, Effective access, Found found) {}

  /** The caller's subject: their role and, for anyone but tenant owners and admins, their teams. */
  public static Subject subject(Caller caller, Optional<MemberTeamsItem> teams) {
    return new Subject(caller.userId(), caller.role(), Set.copyOf(teams.map(MemberTeamsItem::teamIds)
        .orElse(List.of())));
  }

  /** True when access follows from the role alone, so no folder or teams need reading. */
  public static boolean roleDecides(Caller caller) {
    return caller.isAdmin();
  }

  /** The caller's teams key, when their role does not decide alone (else none). */
  public static List<Key> teamsKey(Caller caller) {
    return roleDecides(caller) ? List.of() : List.of(DmsKeys.memberTeams(caller.tenantId(), caller.userId()));
  }

  /**
   * The live document (soft-deleted ones only with {@code deletedToo}) the caller may view, with
   * {@code extra} keys read in the same BatchGetItem; 404 otherwise.
   */
  public Loaded load(Caller caller, String documentId, List<Key> extra, boolean deletedToo) {
    Key documentKey = DmsKeys.document(caller.tenantId(), documentId);
    List<Key> keys = new ArrayList<>();
    keys.add(documentKey);
    keys.addAll(teamsKey(caller));
    keys.addAll(extra);
    Found found = reads.get(keys);
    DocumentItem document = found.document(documentKey)
        .filter(d -> deletedToo || !d.isDeleted())
        .orElseThrow(DocumentGuard::notFound);
    FolderItem folder = null;
    if (!roleDecides(caller) && document.folderId() != null) {
      Key folderKey = DmsKeys.folder(caller.tenantId(), document.folderId());
      folder = found.folder(folderKey).or(() -> reads.get(List.of(folderKey)).folder(folderKey)).orElse(null);
    }
    Effective access = access(caller, found, document, folder);
    if (!DocumentAccess.allows(access, PermissionLevel.VIEW)) {
      throw notFound();
    }
    return new Loaded(document, access, found);
  }

  /** The caller's level on {@code document} given its folder (null: none or not read). */
  public Effective access(Caller caller, Found found, DocumentItem document, @Nullable FolderItem folder) {
    Subject subject = subject(caller, found.memberTeams(DmsKeys.memberTeams(caller.tenantId(), caller.userId())));
    return DocumentAccess.effective(subject, document, folder, clock.instant());
  }

  /** The caller's level on {@code document} given the folders a page read (by id). */
  public Effective access(Subject subject, DocumentItem document, Map<String, FolderItem> folders) {
    FolderItem folder = document.folderId() == null ? null : folders.get(document.folderId());
    return DocumentAccess.effective(subject, document, folder, clock.instant());
  }

  /** A 403 unless {@code access} includes {@code needed}. */
  public static void require(Effective access, PermissionLevel needed, String what) {
    if (!DocumentAccess.allows(access, needed)) {
      throw new ForbiddenException("You need " + needed.apiName() + " permission on this document to " + what + ".");
    }
  }

  /** The caller's level on a folder, to work inside it: every grant reaching it counts; its creator has admin. */
  public Effective accessOnFolder(Caller caller, Found found, FolderItem folder) {
    Subject subject = subject(caller, found.memberTeams(DmsKeys.memberTeams(caller.tenantId(), caller.userId())));
    return DocumentAccess.effectiveOnFolder(subject, folder, clock.instant());
  }

  public static NotFoundException notFound() {
    return new NotFoundException("The document was not found.");
  }
}
