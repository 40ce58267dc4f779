package com.coditect.dms.domain;

import com.coditect.dms.api.CreateFolderRequest;
import com.coditect.dms.api.FolderFields;
import com.coditect.dms.api.FolderResponse;
import com.coditect.dms.api.UpdateFolderRequest;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.data.MemberTeamsRepository;
import com.coditect.dms.data.ProjectRepository;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.log.Log;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Folders: a tree with a materialised {@code path}, names unique among a parent's live children
 * (compared trimmed and ignoring case), moved or renamed with their subtree, soft-deleted and
 * restored with their subtree. Every member of the tenant sees folder metadata; working inside a
 * folder or changing it needs {@code edit} on it.
 *
 * <p>A change to a folder is one transaction (the folder, its name's sentinel, its event); the
 * subtree follows in batches right after ({@link FolderTree}). Should the function stop in between,
 * the event the first transaction wrote lets {@link FolderFollowUps} finish the subtree.
 */
@Singleton
public final class FolderService {

  private static final Log LOG = Log.forClass(FolderService.class);

  private final FolderRepository folders;
  private final MemberTeamsRepository memberTeams;
  private final ProjectRepository projects;
  private final FolderTree tree;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final Resource<FolderItem, FolderResponse> resource;

  @Inject
  FolderService(FolderRepository folders, MemberTeamsRepository memberTeams, ProjectRepository projects,
      FolderTree tree, VersionedWriter writer, Transactions transactions, Outbox outbox, Clock clock) {
    this.folders = folders;
    this.memberTeams = memberTeams;
    this.projects = projects;
    this.tree = tree;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.resource = new Resource<>(folders, FolderResponse::from, FolderItem::id, "folder");
  }

  /**
   * A page of a folder's live children ({@code null}: the top folders) by name: one Query. An empty
   * first page costs a GetItem more, to answer 404 for a parent that is unknown, another tenant's
   * or deleted (a deleted folder's children are hidden with it).
   */
  public ResultPage<FolderResponse> list(Caller caller, Optional<String> parentId, PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<FolderItem> children = folders.listChildren(tenant, parentId.orElse(null), page);
    if (parentId.isPresent() && children.items().isEmpty() && page.cursor().isEmpty()) {
      findLive(tenant, parentId.get(), "parent_id");
    }
    return children.map(FolderResponse::from);
  }

  /**
   * One GetItem. A folder deleted itself is still shown, with its {@code deleted_at}, so that it can
   * be found and restored; one hidden by the delete of a folder above it is not found.
   */
  public Versioned<FolderResponse> get(Caller caller, String folderId) {
    FolderItem folder = findShown(caller.tenantId(), folderId);
    return new Versioned<>(FolderResponse.from(folder), folder.version());
  }

  /**
   * A folder at the top or inside a live parent the caller may edit, with its name claimed among the
   * parent's children and the parent unchanged since read: one transaction (after one GetItem of the
   * parent, and one of the caller's teams when a team's grant could matter).
   */
  public Created<FolderResponse> create(Caller caller, CreateFolderRequest request, IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    FolderItem parent = null;
    if (request.parentId() != null) {
      parent = findLive(tenant, request.parentId(), "parent_id");
      require(caller, parent, PermissionLevel.EDIT, "create a folder in it");
    }
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    FolderItem folder = FolderTree.place(parent, FolderItem.builder()
        .meta(FolderRepository.newMeta(tenant, id, now))
        .id(id)
        .name(request.name())
        .description(request.description())
        .parentId(request.parentId())
        .projectId(request.projectId())
        .createdBy(caller.userId())
        .path("")
        .build());
    checkPathLength(folder.path(), "name");
    FolderItem indexed = FolderRepository.indexed(tenant, folder);
    FolderItem readParent = parent;
    return writer.create(tenant, caller.actor(), resource, indexed, "/v1/folders/" + id, claim, tx -> {
      if (readParent != null) {
        folders.requireUnchanged(tx, tenant, readParent, FolderService::parentChanged);
      }
      if (request.projectId() != null) {
        projects.requireLive(tx, tenant, request.projectId(), FolderService::projectNotFound);
      }
      folders.claimName(tx, tenant, indexed);
    });
  }

  /**
   * Renames, moves (into a live folder the caller may edit, never into itself or its own subtree),
   * describes or links the folder; or, for {@code "deleted_at": null}, restores it. A rename or move
   * writes the folder with its new path in one transaction, then every folder below it.
   */
  public Versioned<FolderResponse> update(Caller caller, String folderId, Optional<Long> ifMatch,
      UpdateFolderRequest request) {
    if (request.restore()) {
      return restore(caller, folderId, ifMatch);
    }
    TenantId tenant = caller.tenantId();
    FolderItem read = findShown(tenant, folderId);
    if (read.isDeleted()) {
      throw ConflictException.forField("deleted_at", "The folder is deleted; restore it first.");
    }
    Preconditions.checkIfMatch(ifMatch, read.version());
    require(caller, read, PermissionLevel.EDIT, "change it");

    String parentId = request.parentId().orElse(read.parentId());
    boolean moving = !Objects.equals(parentId, read.parentId());
    FolderItem newParent = moving && parentId != null ? newParent(caller, read, parentId) : null;
    FolderItem edited = read.withName(request.name().orElse(read.name()))
        .withDescription(request.description().orElse(read.description()))
        .withProjectId(request.projectId().orElse(read.projectId()))
        .withParentId(parentId);
    edited = moving ? FolderTree.place(newParent, edited) : edited.withPath(parentPath(read) + "/" + edited.name());
    boolean pathChanged = !edited.path().equals(read.path());
    if (pathChanged) {
      checkSubtreeFits(tenant, read.path(), edited.path(), moving ? "parent_id" : "name");
    }
    String linkedProject = Objects.equals(edited.projectId(), read.projectId()) ? null : edited.projectId();

    FolderItem target = edited;
    AtomicReference<FolderItem> written = new AtomicReference<>();
    Versioned<FolderResponse> result = writer.update(tenant, caller.actor(), resource, read, ifMatch,
        moving ? "folder.moved" : "folder.updated", f -> FolderRepository.indexed(tenant, target), (changed, tx) -> {
          written.set(changed);
          folders.moveName(tx, tenant, changed, read.parentId(), read.name());
          if (newParent != null) {
            folders.requireUnchanged(tx, tenant, newParent, FolderService::parentChanged);
          }
          if (linkedProject != null) {
            projects.requireLive(tx, tenant, linkedProject, FolderService::projectNotFound);
          }
        });
    if (pathChanged && written.get() != null) {
      finishSubtree(written.get(), () -> tree.refreshBelow(tenant, written.get(), read.path(), Timestamps.now(clock)));
    }
    return result;
  }

  /**
   * Soft-deletes the folder and hides everything below it: the folder (its name released) and its
   * event in one transaction, then every live folder below it in batches.
   */
  public void delete(Caller caller, String folderId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    FolderItem read = findLive(tenant, folderId, null);
    Preconditions.checkIfMatch(ifMatch, read.version());
    require(caller, read, PermissionLevel.EDIT, "delete it");
    String now = Timestamps.now(clock);
    FolderItem deleted = FolderRepository.indexed(tenant, read.withHiddenBy(null).softDeleted(now));
    WriteTransaction tx = transactions.begin();
    folders.replace(tx, deleted, read.version(), Preconditions.stale(ifMatch.isPresent()));
    folders.releaseName(tx, tenant, read);
    outbox.record(tx, tenant, caller.actor(), "folder.deleted", resource.type(), read.id(),
        Map.of("deleted_at", new FieldChange(null, now)));
    tx.commit();
    finishSubtree(deleted, () -> tree.hideBelow(tenant, deleted, now));
  }

  /**
   * Restores a folder deleted itself (not one hidden by a delete above it) into its live parent,
   * reclaiming its name (409 if another live folder took it meanwhile), then brings back exactly
   * the folders its delete hid. A live folder is answered as it is.
   */
  private Versioned<FolderResponse> restore(Caller caller, String folderId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    FolderItem read = findShown(tenant, folderId);
    Preconditions.checkIfMatch(ifMatch, read.version());
    if (!read.isDeleted()) {
      return new Versioned<>(FolderResponse.from(read), read.version());
    }
    require(caller, read, PermissionLevel.EDIT, "restore it");
    String now = Timestamps.now(clock);
    FolderItem restored = FolderRepository.indexed(tenant, read.restored(now));
    WriteTransaction tx = transactions.begin();
    folders.replace(tx, restored, read.version(), Preconditions.stale(ifMatch.isPresent()));
    folders.claimName(tx, tenant, restored);
    if (read.parentId() != null) {
      folders.requireLive(tx, tenant, read.parentId(), () -> ConflictException.forField("parent_id",
          "The parent folder is deleted; restore it first."));
    }
    outbox.record(tx, tenant, caller.actor(), "folder.restored", resource.type(), read.id(),
        Map.of("deleted_at", new FieldChange(read.deletedAt(), null)));
    tx.commit();
    finishSubtree(restored, () -> tree.revealBelow(tenant, restored, now));
    return new Versioned<>(FolderResponse.from(restored), restored.version());
  }

  /**
   * Rewrites the subtree of a folder whose own change has committed. Folders below that keep
   * changing under the walk (a conflict after its retries) are left to the change's event, which
   * runs the same walk again (FolderFollowUps): the change the caller asked for is made, so the
   * answer stays a success.
   */
  private static void finishSubtree(FolderItem folder, Runnable walk) {
    try {
      walk.run();
    } catch (ConflictException busy) {
      LOG.warn("subtree left to the folder's event", "folder_id", folder.id());
    }
  }

  /** The new parent of a move: live (404), not the folder or below it (422), and editable by the caller (403). */
  private FolderItem newParent(Caller caller, FolderItem folder, String parentId) {
    FolderItem parent = findLive(caller.tenantId(), parentId, "parent_id");
    if (parent.id().equals(folder.id()) || parent.ancestorIds().contains(folder.id())) {
      throw UnprocessableException.forField("parent_id", "A folder cannot move into itself or a folder below it.");
    }
    require(caller, parent, PermissionLevel.EDIT, "move a folder into it");
    return parent;
  }

  /**
   * Refuses a new path under which some folder of the subtree would pass the spec's path limit: the
   * deepest path below decides. Only a longer path needs the subtree read (a few Query pages).
   */
  private void checkSubtreeFits(TenantId tenant, String oldPath, String newPath, String field) {
    checkPathLength(newPath, field);
    int growth = length(newPath) - length(oldPath);
    if (growth <= 0) {
      return;
    }
    for (FolderItem below : folders.below(tenant, oldPath)) {
      if (length(below.path()) + growth > FolderFields.PATH_MAX) {
        throw UnprocessableException.forField(field, "A folder below would get a path longer than "
            + FolderFields.PATH_MAX + " characters.");
      }
    }
  }

  private static void checkPathLength(String path, String field) {
    if (length(path) > FolderFields.PATH_MAX) {
      throw UnprocessableException.forField(field, "The folder's path would be longer than "
          + FolderFields.PATH_MAX + " characters.");
    }
  }

  private static int length(String path) {
    return path.codePointCount(0, path.length());
  }

  /** The path of the folder's parent ("" at the top), from its own path: a rename needs no read of the parent. */
  private static String parentPath(FolderItem folder) {
    return folder.path().substring(0, folder.path().lastIndexOf('/'));
  }

  /** Refuses the caller unless they have {@code needed} on the folder (403: folder metadata is visible to every member). */
  private void require(Caller caller, FolderItem folder, PermissionLevel needed, String toDo) {
    var effective = DocumentAccess.effectiveOnFolder(subject(caller, folder), folder, clock.instant());
    if (!DocumentAccess.allows(effective, needed)) {
      throw new ForbiddenException("You need " + needed.apiName() + " permission on the folder to " + toDo + ".");
    }
  }

  /**
   * The caller as the resolver sees them. Their teams are read only when they could matter: the
   * caller is not a tenant owner or admin (who have admin anyway) and a team's grant reaches the folder.
   */
  private Subject subject(Caller caller, FolderItem folder) {
    boolean teamGrants = folder.grants().stream().anyMatch(grant -> grant.teamId() != null);
    Set<String> teams = caller.isAdmin() || !teamGrants ? Set.of()
        : memberTeams.teamsOf(caller.tenantId(), caller.userId());
    return new Subject(caller.userId(), caller.role(), teams);
  }

  /** A live folder of the tenant, or 404 (naming {@code field} when the id came in a field). */
  private FolderItem findLive(TenantId tenant, String folderId, String field) {
    return folders.find(tenant, folderId).filter(folder -> !folder.isDeleted())
        .orElseThrow(() -> folderNotFound(field));
  }

  /** A folder that is live or was deleted itself; one hidden by a delete above it is not found. */
  private FolderItem findShown(TenantId tenant, String folderId) {
    return folders.find(tenant, folderId).filter(folder -> folder.hiddenBy() == null)
        .orElseThrow(() -> folderNotFound(null));
  }

  private static NotFoundException folderNotFound(String field) {
    return field == null ? new NotFoundException("The folder was not found.")
        : NotFoundException.forField(field, "The folder was not found.");
  }

  private static ConflictException parentChanged() {
    return ConflictException.forField("parent_id", "The parent folder changed meanwhile; retry.");
  }

  private static NotFoundException projectNotFound() {
    return NotFoundException.forField("project_id", "The project was not found.");
  }
}
