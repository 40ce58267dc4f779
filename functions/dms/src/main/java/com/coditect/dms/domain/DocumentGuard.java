package com.coditect.dms.domain;

import com.coditect.dms.data.DmsReads.Found;
import com.coditect.dms.data.DmsReads.Plan;
import com.coditect.dms.data.DmsReads;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentVersionItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.tenancy.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

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

  /** The caller's subject from a read that included their teams (when their role does not decide). */
  public static Subject subject(Caller caller, Found found) {
    return subject(caller, found.memberTeams(caller.userId()));
  }

  /** True when access follows from the role alone, so no folder or teams need reading. */
  public static boolean roleDecides(Caller caller) {
    return caller.isAdmin();
  }

  /** Adds the caller's teams to a read, when their role does not decide alone. */
  public static Plan withTeams(Plan plan, Caller caller) {
    return roleDecides(caller) ? plan : plan.memberTeams(caller.userId());
  }

  /** Starts a read of the caller's tenant. */
  public Plan plan(Caller caller) {
    return reads.plan(caller.tenantId());
  }

  /**
   * The live document (soft-deleted ones only with {@code deletedToo}) the caller may view, with
   * whatever {@code extra} names read in the same BatchGetItem; 404 otherwise.
   */
  public Loaded load(Caller caller, String documentId, UnaryOperator<Plan> extra, boolean deletedToo) {
    Found found = extra.apply(withTeams(plan(caller).document(documentId), caller)).read();
    DocumentItem document = found.document(documentId)
        .filter(d -> deletedToo || !d.isDeleted())
        .orElseThrow(DocumentGuard::notFound);
    FolderItem folder = null;
    if (!roleDecides(caller) && document.folderId() != null) {
      folder = found.folder(document.folderId())
          .or(() -> plan(caller).folder(document.folderId()).read().folder(document.folderId())).orElse(null);
    }
    Effective access = DocumentAccess.effective(subject(caller, found), document, folder, clock.instant());
    if (!DocumentAccess.allows(access, PermissionLevel.VIEW)) {
      throw notFound();
    }
    return new Loaded(document, access, found);
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
    return DocumentAccess.effectiveOnFolder(subject(caller, found), folder, clock.instant());
  }

  /** A live document the caller may act on with at least {@code needed}, and the version asked for. */
  public record Allowed(DocumentItem document, Optional<DocumentVersionItem> version) {}

  /**
   * The live document with the caller holding at least {@code needed} (404 without view, 403 with
   * view but less), and version {@code versionNumber} of it when one is asked for (empty when it
   * has no such version), in the same BatchGetItem.
   */
  public Allowed require(Caller caller, String documentId, @Nullable Long versionNumber, PermissionLevel needed) {
    Loaded loaded = load(caller, documentId,
        plan -> versionNumber == null ? plan : plan.version(documentId, versionNumber), false);
    require(loaded.access(), needed, "do this");
    return new Allowed(loaded.document(), versionNumber == null ? Optional.empty()
        : loaded.found().version(documentId, versionNumber));
  }

  /** Not soft-deleted. */
  public static boolean isLive(DocumentItem document) {
    return !document.isDeleted() && document.status() != DocumentStatus.DELETED;
  }

  public static NotFoundException notFound() {
    return new NotFoundException("The document was not found.");
  }
}
