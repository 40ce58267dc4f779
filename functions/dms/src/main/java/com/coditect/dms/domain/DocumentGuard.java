package com.coditect.dms.domain;

import com.coditect.dms.data.DocumentAccessReads;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.VersionFileItem;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.tenancy.Caller;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The door to one live document: reads it with what deciding access needs and lets the caller
 * through with at least {@code needed}. Without even {@code view} the document is not found (404:
 * its existence is not revealed); with view but less than needed, 403.
 */
@Singleton
public final class DocumentGuard {

  /** The document the caller may act on, and the version asked for (empty if it has none such). */
  public record Allowed(DocumentItem document, Optional<VersionFileItem> version) {}

  private final DocumentAccessReads reads;
  private final Clock clock;

  @Inject
  DocumentGuard(DocumentAccessReads reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  /**
   * One BatchGetItem (document, the caller's teams, the version when {@code versionNumber} is
   * given), plus one GetItem of the document's folder when it is in one.
   */
  public Allowed require(Caller caller, String documentId, @Nullable Long versionNumber, PermissionLevel needed) {
    DocumentAccessReads.Read read = reads.read(caller.tenantId(), documentId, caller.userId(), versionNumber);
    DocumentItem document = read.document().filter(DocumentGuard::isLive).orElseThrow(DocumentGuard::notFound);
    Effective effective = DocumentAccess.effective(caller, Set.copyOf(read.callerTeams()), document, read.folder(),
        clock.instant());
    if (!DocumentAccess.allows(effective, PermissionLevel.VIEW)) {
      throw notFound();
    }
    if (!DocumentAccess.allows(effective, needed)) {
      throw new ForbiddenException("This needs " + needed.apiName() + " permission on the document.");
    }
    return new Allowed(document, read.version());
  }

  /** Not soft-deleted. */
  public static boolean isLive(DocumentItem document) {
    return !document.isDeleted() && document.status() != DocumentStatus.DELETED;
  }

  public static NotFoundException notFound() {
    return new NotFoundException("The document was not found.");
  }
}
