package com.coditect.dms.domain;

import com.coditect.dms.api.CreateDocumentRequest;
import com.coditect.dms.api.DocumentFilters;
import com.coditect.dms.api.DocumentResponse;
import com.coditect.dms.api.UpdateDocumentRequest;
import com.coditect.dms.data.DmsReads.Found;
import com.coditect.dms.data.DmsReads.Plan;
import com.coditect.dms.data.DmsReads;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository.DocumentList;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.PendingUploadRepository;
import com.coditect.dms.domain.DocumentGuard.Loaded;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.domain.Uploads.Announced;
import com.coditect.dms.domain.VersionWrites.ContentUse;
import com.coditect.dms.domain.VersionWrites.NewVersion;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A user's operations on documents: upload a new one, read, list, change, delete and restore.
 * Access is decided per document from its grants, its folder's and the caller's teams
 * ({@link DocumentGuard}); tenant owners and admins may do everything.
 */
@Singleton
public final class DocumentService {

  /**
   * Documents a page shows a caller whose role does not decide access: the page's documents, their
   * folders (at most as many) and the caller's teams must fit one BatchGetItem of 100 keys.
   */
  public static final int MEMBER_PAGE_MAX = (DmsReads.MAX_KEYS - 1) / 2;

  private final DocumentRepository documents;
  private final PendingUploadRepository pendingUploads;
  private final DmsReads reads;
  private final DocumentGuard guard;
  private final Uploads uploads;
  private final VersionWrites versionWrites;
  private final ActivityLog activity;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  DocumentService(DocumentRepository documents, PendingUploadRepository pendingUploads, DmsReads reads,
      DocumentGuard guard, Uploads uploads, VersionWrites versionWrites, ActivityLog activity,
      Transactions transactions, Outbox outbox, Clock clock) {
    this.documents = documents;
    this.pendingUploads = pendingUploads;
    this.reads = reads;
    this.guard = guard;
    this.uploads = uploads;
    this.versionWrites = versionWrites;
    this.activity = activity;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * A new document and its first upload: one read (BatchGetItem of the folder, the caller's teams
   * and the tenant's content of that SHA-256), a {@code CreateMultipartUpload} for a large file,
   * and one transaction with the document, its rows, checks that the folder and project live and
   * {@code document.created}. If the tenant already holds the bytes, version 1 is created in the
   * same transaction (no upload); otherwise a pending upload for version 1 is written and the
   * answer says where to send the bytes.
   */
  public Created<DocumentResponse> create(Caller caller, CreateDocumentRequest request, IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    Plan plan = DocumentGuard.withTeams(guard.plan(caller).content(request.file().checksum()), caller);
    if (request.folderId() != null) {
      plan.folder(request.folderId());
    }
    Found found = plan.read();
    if (request.folderId() != null) {
      FolderItem folder = found.folder(request.folderId()).filter(f -> !f.isDeleted())
          .orElseThrow(DocumentService::noFolder);
      requireEditOnFolder(caller, found, folder);
    }
    DocumentItem document = DocumentItem.builder()
        .meta(DocumentRepository.newMeta(tenant, id, now))
        .id(id)
        .projectId(request.projectId())
        .folderId(request.folderId())
        .title(request.title())
        .description(request.description())
        .currentVersion(0L)
        .status(request.status())
        .ownerId(caller.userId())
        .createdBy(caller.userId())
        .updatedBy(caller.userId())
        .tags(request.tags())
        .metadata(request.metadata())
        .build();
    WriteTransaction tx = transactions.begin();
    DocumentResponse view;
    if (found.content(request.file().checksum()).isPresent()) {
      NewVersion first = new NewVersion(1, request.file().fileName(), request.file().mimeType(),
          request.file().fileSizeBytes(), request.file().checksum(), request.changeSummary(), null);
      document = VersionWrites.withVersion(tenant, document, first, caller.userId());
      versionWrites.add(tx, tenant, caller.actor(), null, document, first, ContentUse.existing(), now,
          () -> new ConflictException("The content changed meanwhile; send the request again."));
      view = DocumentResponse.from(document).withUpload(1, null);
    } else {
      Announced announced = uploads.announce(tenant, id, 1, request.file(), request.changeSummary(),
          caller.userId(), now);
      pendingUploads.announce(tx, announced.pending());
      documents.createWithRows(tx, tenant, document, () -> new IllegalStateException("document id collision"));
      view = DocumentResponse.from(document).withUpload(1, announced.upload());
    }
    if (request.folderId() != null) {
      documents.requireLiveFolder(tx, tenant, request.folderId(), DocumentService::noFolder);
    }
    if (request.projectId() != null) {
      documents.requireLiveProject(tx, tenant, request.projectId(), DocumentService::noProject);
    }
    outbox.record(tx, tenant, caller.actor(), "document.created", VersionWrites.RESOURCE_TYPE, id, null,
        DocumentResponse.from(document));
    Created<DocumentResponse> created = new Created<>("/v1/documents/" + id, view, document.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * One document, recording that the caller viewed it: its read (see {@link DocumentGuard}) and one
   * transaction with the {@code viewed} activity row and {@code document.viewed}.
   */
  public Versioned<DocumentResponse> get(Caller caller, String documentId) {
    DocumentItem document = guard.load(caller, documentId, p -> p, false).document();
    record(caller, document.id(), DocumentActivityAction.VIEWED, "document.viewed", Map.of());
    return new Versioned<>(DocumentResponse.from(document), document.version());
  }

  /**
   * One page of a list: one Query of the list partition (see {@link DocumentFilters} for which),
   * then one BatchGetItem of the page's documents and, for a caller whose role does not decide,
   * their folders and the caller's teams; only documents the caller may view are shown.
   */
  public ResultPage<DocumentResponse> list(Caller caller, DocumentFilters filters, PageRequest page) {
    TenantId tenant = caller.tenantId();
    boolean roleDecides = DocumentGuard.roleDecides(caller);
    boolean deletedList = filters.status().filter(s -> s == DocumentStatus.DELETED).isPresent();
    DocumentList list;
    String value = null;
    if (filters.checksum().isPresent()) {
      list = DocumentList.WITH_CHECKSUM;
      value = filters.checksum().get();
    } else if (filters.folderId().isPresent()) {
      list = filters.atRoot() ? DocumentList.AT_TOP : DocumentList.IN_FOLDER;
      value = filters.atRoot() ? null : filters.folderId().get();
    } else if (filters.projectId().isPresent()) {
      list = DocumentList.OF_PROJECT;
      value = filters.projectId().get();
    } else if (filters.ownerId().isPresent()) {
      list = DocumentList.OF_OWNER;
      value = filters.ownerId().get();
    } else if (filters.tag().isPresent()) {
      list = DocumentList.WITH_TAG;
      value = filters.tag().get();
    } else if (deletedList) {
      list = DocumentList.DELETED;
    } else if (filters.status().isPresent()) {
      list = DocumentList.WITH_STATUS;
      value = filters.status().get().apiName();
    } else {
      list = DocumentList.LIVE;
    }
    PageRequest bounded = roleDecides ? page
        : new PageRequest(Math.min(page.limit(), MEMBER_PAGE_MAX), page.cursor());
    ResultPage<DocumentItem> rows = documents.rows(tenant, list, value, bounded);
    if (rows.items().isEmpty()) {
      return new ResultPage<>(List.of(), rows.nextCursor());
    }
    List<String> ids = rows.items().stream().map(DocumentItem::id).toList();
    Plan plan = guard.plan(caller);
    ids.forEach(plan::document);
    Set<String> folderIds = new LinkedHashSet<>();
    if (!roleDecides) {
      rows.items().forEach(row -> {
        if (row.folderId() != null) {
          folderIds.add(row.folderId());
        }
      });
      folderIds.forEach(plan::folder);
      DocumentGuard.withTeams(plan, caller);
    }
    Found found = plan.read();
    Map<String, FolderItem> folders = found.folders(folderIds);
    Subject subject = DocumentGuard.subject(caller, found);
    List<DocumentResponse> shown = new ArrayList<>();
    for (DocumentItem document : found.documents(ids)) {
      if (document.isDeleted() != deletedList || !matches(document, filters)) {
        continue;
      }
      if (roleDecides || DocumentAccess.allows(guard.access(subject, document, folders), PermissionLevel.VIEW)) {
        shown.add(DocumentResponse.from(document));
      }
    }
    return new ResultPage<>(shown, rows.nextCursor());
  }

  /** The filters beyond the one whose partition was read, applied to a document as read. */
  static boolean matches(DocumentItem document, DocumentFilters filters) {
    return filters.checksum().map(c -> c.equals(document.checksum())).orElse(true)
        && filters.folderId().map(f -> filters.atRoot() ? document.folderId() == null : f.equals(document.folderId()))
            .orElse(true)
        && filters.projectId().map(p -> p.equals(document.projectId())).orElse(true)
        && filters.ownerId().map(o -> o.equals(document.ownerId())).orElse(true)
        && filters.tag().map(t -> document.tags().contains(t)).orElse(true)
        && filters.status().map(s -> s == document.status()).orElse(true);
  }

  /**
   * Changes a document's fields (If-Match: 412): its read (with the target folder, when it moves)
   * and one transaction with the document and its rows, checks that a new folder, project or owner
   * lives, the {@code edited} activity row and {@code document.updated}. Needs edit; a new owner
   * needs admin; a status move must be legal ({@link DocumentLifecycle}, else 422).
   */
  public Versioned<DocumentResponse> update(Caller caller, String documentId, Optional<Long> ifMatch,
      UpdateDocumentRequest request) {
    TenantId tenant = caller.tenantId();
    String newFolder = request.folderId().isPresent() ? request.folderId().value() : null;
    Loaded loaded = guard.load(caller, documentId, p -> newFolder == null ? p : p.folder(newFolder), false);
    DocumentItem document = loaded.document();
    Preconditions.checkIfMatch(ifMatch, document.version());
    DocumentGuard.require(loaded.access(), PermissionLevel.EDIT, "change it");
    if (request.ownerId().isPresent() && !java.util.Objects.equals(request.ownerId().value(), document.ownerId())) {
      DocumentGuard.require(loaded.access(), PermissionLevel.ADMIN, "give it another owner");
    }
    if (request.status().isPresent()) {
      DocumentLifecycle.checkMove(document.status(), request.status().value());
    }
    boolean moves = request.folderId().isPresent() && !java.util.Objects.equals(newFolder, document.folderId());
    if (moves && newFolder != null) {
      FolderItem folder = loaded.found().folder(newFolder).filter(f -> !f.isDeleted())
          .orElseThrow(DocumentService::noFolder);
      requireEditOnFolder(caller, loaded.found(), folder);
    }
    DocumentItem changed = document
        .withTitle(request.title().orElse(document.title()))
        .withDescription(request.description().orElse(document.description()))
        .withTags(request.tags().isPresent() && request.tags().value() == null ? List.of()
            : request.tags().orElse(document.tags()))
        .withMetadata(request.metadata().isPresent() && request.metadata().value() == null ? "{}"
            : request.metadata().orElse(document.metadata()))
        .withFolderId(request.folderId().orElse(document.folderId()))
        .withProjectId(request.projectId().orElse(document.projectId()))
        .withOwnerId(request.ownerId().orElse(document.ownerId()))
        .withStatus(request.status().orElse(document.status()));
    DocumentResponse before = DocumentResponse.from(document);
    if (DocumentResponse.from(changed).equals(before)) {
      return new Versioned<>(before, document.version());
    }
    String now = Timestamps.now(clock);
    DocumentItem after = changed.withUpdatedBy(caller.userId()).nextVersion(now);
    WriteTransaction tx = transactions.begin();
    documents.replaceWithRows(tx, tenant, document, after, Preconditions.stale(ifMatch.isPresent()));
    if (moves && newFolder != null) {
      documents.requireLiveFolder(tx, tenant, newFolder, DocumentService::noFolder);
    }
    if (request.projectId().isPresent() && after.projectId() != null
        && !after.projectId().equals(document.projectId())) {
      documents.requireLiveProject(tx, tenant, after.projectId(), DocumentService::noProject);
    }
    if (request.ownerId().isPresent() && after.ownerId() != null && !after.ownerId().equals(document.ownerId())) {
      documents.requireLiveUser(tx, tenant, after.ownerId(),
          () -> NotFoundException.forField("owner_id", "no such user in this tenant"));
    }
    activity.add(tx, tenant, caller.actor(), document.id(), DocumentActivityAction.EDITED, now);
    DocumentResponse view = DocumentResponse.from(after);
    outbox.record(tx, tenant, caller.actor(), "document.updated", VersionWrites.RESOURCE_TYPE, document.id(), before,
        view);
    tx.commit();
    return new Versioned<>(view, after.version());
  }

  /**
   * Soft delete (If-Match: 412; needs delete): status {@code deleted} with the status it had kept
   * for restore, its rows replaced by its row in the deleted list, the {@code deleted} activity row
   * and {@code document.deleted}, in one transaction. Its content and versions stay.
   */
  public void delete(Caller caller, String documentId, Optional<Long> ifMatch) {
    Loaded loaded = guard.load(caller, documentId, p -> p, false);
    DocumentItem document = loaded.document();
    Preconditions.checkIfMatch(ifMatch, document.version());
    DocumentGuard.require(loaded.access(), PermissionLevel.DELETE, "delete it");
    String now = Timestamps.now(clock);
    DocumentItem deleted = document.withStatusBeforeDelete(document.status()).withStatus(DocumentStatus.DELETED)
        .withUpdatedBy(caller.userId()).softDeleted(now);
    write(caller, document, deleted, ifMatch, DocumentActivityAction.DELETED, "document.deleted", now);
  }

  /** Undoes a soft delete (needs delete): the status it had before, its rows back, {@code restored} and {@code document.restored}. */
  public Versioned<DocumentResponse> restore(Caller caller, String documentId, Optional<Long> ifMatch) {
    Loaded loaded = guard.load(caller, documentId, p -> p, true);
    DocumentItem document = loaded.document();
    Preconditions.checkIfMatch(ifMatch, document.version());
    DocumentGuard.require(loaded.access(), PermissionLevel.DELETE, "restore it");
    if (!document.isDeleted()) {
      throw ConflictException.forField("document_id", "the document is not deleted");
    }
    String now = Timestamps.now(clock);
    DocumentStatus status = document.statusBeforeDelete() == null ? DocumentStatus.DRAFT : document.statusBeforeDelete();
    DocumentItem restored = document.withStatus(status).withStatusBeforeDelete(null).withUpdatedBy(caller.userId())
        .restored(now);
    write(caller, document, restored, ifMatch, DocumentActivityAction.RESTORED, "document.restored", now);
    return new Versioned<>(DocumentResponse.from(restored), restored.version());
  }

  private void write(Caller caller, DocumentItem before, DocumentItem after, Optional<Long> ifMatch,
      DocumentActivityAction action, String event, String now) {
    TenantId tenant = caller.tenantId();
    WriteTransaction tx = transactions.begin();
    documents.replaceWithRows(tx, tenant, before, after, Preconditions.stale(ifMatch.isPresent()));
    activity.add(tx, tenant, caller.actor(), before.id(), action, now);
    outbox.record(tx, tenant, caller.actor(), event, VersionWrites.RESOURCE_TYPE, before.id(),
        DocumentResponse.from(before), DocumentResponse.from(after));
    tx.commit();
  }

  /** An action that changes nothing but is recorded (viewed): its activity row and event. */
  private void record(Caller caller, String documentId, DocumentActivityAction action, String event,
      Map<String, com.coditect.shared.events.DomainEvent.FieldChange> changes) {
    WriteTransaction tx = transactions.begin();
    activity.add(tx, caller.tenantId(), caller.actor(), documentId, action, Timestamps.now(clock));
    outbox.record(tx, caller.tenantId(), caller.actor(), event, VersionWrites.RESOURCE_TYPE, documentId, changes);
    tx.commit();
  }

  private void requireEditOnFolder(Caller caller, Found found, FolderItem folder) {
    if (!DocumentGuard.roleDecides(caller)
        && !DocumentAccess.allows(guard.accessOnFolder(caller, found, folder), PermissionLevel.EDIT)) {
      throw new ForbiddenException("You need edit permission on the folder to put documents in it.");
    }
  }

  static NotFoundException noFolder() {
    return NotFoundException.forField("folder_id", "no such folder (or it is deleted)");
  }

  static NotFoundException noProject() {
    return NotFoundException.forField("project_id", "no such project in this tenant (or it is deleted)");
  }
}
