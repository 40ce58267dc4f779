package com.coditect.dms.domain;

import com.coditect.dms.api.CreatePermissionRequest;
import com.coditect.dms.api.EffectivePermissionResponse.Source;
import com.coditect.dms.api.EffectivePermissionResponse;
import com.coditect.dms.api.PermissionResponse;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.dms.data.GrantTargets;
import com.coditect.dms.data.PermissionItem;
import com.coditect.dms.data.PermissionRepository;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.domain.PermissionResolver.Reach;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.AccessReason;
import com.coditect.dms.model.AccessSource;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.GrantRoute;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Grants on documents and folders: making, listing, revoking them, and explaining a user's level on
 * a document. Managing a target's grants needs admin on it (tenant owners and admins, a document's
 * owner, a folder's creator, or an admin grant reaching it); a caller who cannot even view a
 * document is told it does not exist.
 *
 * <p>A grant or a revoke is one transaction: the grant item and its uniqueness sentinel, the check
 * that its principal exists in the tenant, its target's {@code grants} attribute (conditional on the
 * target's version: a concurrent change to the target is read again and the write retried) and the
 * {@code permission.granted}/{@code permission.revoked} event. For a folder, the descendants' inherited
 * grants then follow through {@link FolderTree#refreshBelow}; should that be cut short, the event's
 * consumer ({@link FolderGrantRefresh}) runs it again.
 */
@Singleton
public final class PermissionService {

  /** Writes tried when the target changes between the read and the write. */
  static final int ATTEMPTS = 3;

  private final PermissionRepository permissions;
  private final GrantTargets targets;
  private final FolderTree tree;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  PermissionService(PermissionRepository permissions, GrantTargets targets, FolderTree tree, Transactions transactions,
      Outbox outbox, Clock clock) {
    this.permissions = permissions;
    this.targets = targets;
    this.tree = tree;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ grant

  /**
   * Grants on a document: GetItem (the document) + one read of its folder and the caller's teams
   * (none for a tenant admin or the owner) + one transaction.
   */
  public Created<PermissionResponse> grantOnDocument(Caller caller, String documentId, CreatePermissionRequest request,
      IdempotencyClaim claim) {
    Instant now = clock.instant();
    requireFuture(request, now);
    for (int attempt = 1; ; attempt++) {
      DocumentItem document = administeredDocument(caller, documentId, now);
      PermissionItem grant = newGrant(caller, documentId, null, request, now);
      try {
        return write(caller, grant, claim, now, tx -> targets.replaceDocument(tx,
            document.withGrants(with(document.grants(), grant.toGrant())).nextVersion(grant.createdAt()),
            document.version(), TargetChanged::new));
      } catch (TargetChanged e) {
        if (attempt == ATTEMPTS) {
          throw concurrently();
        }
      }
    }
  }

  /**
   * Grants on a folder: GetItem (the folder) + GetItem (the caller's teams; none for a tenant admin
   * or the folder's creator) + one transaction, then the subtree's inherited grants are rewritten.
   */
  public Created<PermissionResponse> grantOnFolder(Caller caller, String folderId, CreatePermissionRequest request,
      IdempotencyClaim claim) {
    Instant now = clock.instant();
    requireFuture(request, now);
    for (int attempt = 1; ; attempt++) {
      FolderItem folder = administeredFolder(caller, folderId, now);
      PermissionItem grant = newGrant(caller, null, folderId, request, now);
      FolderItem changed = folder.withGrants(with(folder.grants(), grant.toGrant())).nextVersion(grant.createdAt());
      try {
        Created<PermissionResponse> created = write(caller, grant, claim, now,
            tx -> targets.replaceFolder(tx, changed, folder.version(), TargetChanged::new));
        tree.refreshBelow(caller.tenantId(), changed, changed.path(), grant.createdAt());
        return created;
      } catch (TargetChanged e) {
        if (attempt == ATTEMPTS) {
          throw concurrently();
        }
      }
    }
  }

  private Created<PermissionResponse> write(Caller caller, PermissionItem grant, IdempotencyClaim claim, Instant now,
      Consumer<WriteTransaction> target) {
    TenantId tenant = caller.tenantId();
    PermissionResponse view = PermissionResponse.from(grant, now);
    WriteTransaction tx = transactions.begin();
    permissions.add(tx, tenant, grant);
    if (grant.userId() != null) {
      targets.requireLiveUser(tx, tenant, grant.userId(),
          () -> NotFoundException.forField("user_id", "is not a user of this tenant"));
    } else {
      targets.requireLiveTeam(tx, tenant, grant.teamId(),
          () -> NotFoundException.forField("team_id", "is not a team of this tenant"));
    }
    target.accept(tx);
    outbox.record(tx, tenant, caller.actor(), "permission.granted", "permission", grant.id(), null, view);
    Created<PermissionResponse> created = new Created<>("/v1/permissions/" + grant.id(), view, grant.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  private static PermissionItem newGrant(Caller caller, String documentId, String folderId,
      CreatePermissionRequest request, Instant now) {
    TenantId tenant = caller.tenantId();
    String id = Ids.newId();
    return PermissionRepository.indexed(tenant, PermissionItem.builder()
        .meta(PermissionRepository.newMeta(tenant, id, Timestamps.format(now)))
        .id(id)
        .documentId(documentId)
        .folderId(folderId)
        .userId(request.userId())
        .teamId(request.teamId())
        .permissionLevel(request.permissionLevel())
        .grantedBy(caller.userId())
        .expiresAt(request.expiresAt())
        .build());
  }

  /** A grant that has run out when made would never count: refused (422) rather than stored dead. */
  private static void requireFuture(CreatePermissionRequest request, Instant now) {
    if (request.expiresAt() != null && !Instant.parse(request.expiresAt()).isAfter(now)) {
      throw UnprocessableException.forField("expires_at", "must be in the future");
    }
  }

  // ------------------------------------------------------------------ list

  /** A document's grants, newest first, expired ones flagged: GetItem + (read of folder and teams) + one Query. */
  public ResultPage<PermissionResponse> listOnDocument(Caller caller, String documentId, PageRequest page) {
    Instant now = clock.instant();
    administeredDocument(caller, documentId, now);
    return permissions.listOnDocument(caller.tenantId(), documentId, page).map(p -> PermissionResponse.from(p, now));
  }

  /** The grants made on a folder itself, newest first: GetItem + (GetItem of the caller's teams) + one Query. */
  public ResultPage<PermissionResponse> listOnFolder(Caller caller, String folderId, PageRequest page) {
    Instant now = clock.instant();
    administeredFolder(caller, folderId, now);
    return permissions.listOnFolder(caller.tenantId(), folderId, page).map(p -> PermissionResponse.from(p, now));
  }

  // ------------------------------------------------------------------ revoke

  /**
   * Revokes a grant: GetItem (the grant) + GetItem (its target) + (read of folder and teams) + one
   * transaction; for a folder, the subtree follows. With {@code If-Match}, the grant's version.
   */
  public void revoke(Caller caller, String permissionId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    Instant now = clock.instant();
    PermissionItem grant = permissions.find(tenant, permissionId)
        .orElseThrow(() -> new NotFoundException("The permission was not found."));
    Preconditions.checkIfMatch(ifMatch, grant.version());
    PermissionResponse before = PermissionResponse.from(grant, now);
    for (int attempt = 1; ; attempt++) {
      try {
        if (grant.documentId() != null) {
          DocumentItem document = targets.document(tenant, grant.documentId()).orElseThrow(PermissionService::notFound);
          requireAdmin(caller, document, now);
          revoke(caller, grant, ifMatch, before, tx -> targets.replaceDocument(tx,
              document.withGrants(without(document.grants(), grant.id())).nextVersion(Timestamps.format(now)),
              document.version(), TargetChanged::new));
        } else {
          FolderItem folder = targets.folder(tenant, grant.folderId()).orElseThrow(PermissionService::notFound);
          requireAdmin(caller, folder, now);
          FolderItem changed = folder.withGrants(without(folder.grants(), grant.id())).nextVersion(Timestamps.format(now));
          revoke(caller, grant, ifMatch, before,
              tx -> targets.replaceFolder(tx, changed, folder.version(), TargetChanged::new));
          tree.refreshBelow(tenant, changed, changed.path(), Timestamps.format(now));
        }
        return;
      } catch (TargetChanged e) {
        if (attempt == ATTEMPTS) {
          throw concurrently();
        }
      }
    }
  }

  private void revoke(Caller caller, PermissionItem grant, Optional<Long> ifMatch, PermissionResponse before,
      Consumer<WriteTransaction> target) {
    WriteTransaction tx = transactions.begin();
    permissions.remove(tx, caller.tenantId(), grant, ifMatch.isPresent() ? Preconditions.stale(true)
        : () -> new NotFoundException("The permission was not found."));
    target.accept(tx);
    outbox.record(tx, caller.tenantId(), caller.actor(), "permission.revoked", "permission", grant.id(), before, null);
    tx.commit();
  }

  // ------------------------------------------------------------------ effective permission

  /**
   * The level {@code userId} (the caller when absent) has on a document and every grant behind it:
   * GetItem (the document) + one read (its folder, the teams of the caller and the user, the user's
   * role) + one read of the folders above it that granted something, for their names (none when no
   * grant was inherited from above the document's own folder). Another user's needs admin on the
   * document.
   */
  public EffectivePermissionResponse effective(Caller caller, String documentId, Optional<String> userId) {
    TenantId tenant = caller.tenantId();
    Instant now = clock.instant();
    DocumentItem document = liveDocument(tenant, documentId);
    String subjectId = userId.orElse(caller.userId());
    boolean self = subjectId.equals(caller.userId());
    GrantTargets.Context context = targets.read(tenant, folderOf(document),
        self ? List.of(caller.userId()) : List.of(caller.userId(), subjectId), self ? List.of() : List.of(subjectId));
    FolderItem folder = document.folderId() == null ? null : context.folder(document.folderId()).orElse(null);
    Effective callers = DocumentAccess.effective(caller, context.teamsOf(caller.userId()), document, folder, now);
    requireLevel(callers, self ? PermissionLevel.VIEW : PermissionLevel.ADMIN);
    Role role = self ? caller.role() : context.liveUserRole(subjectId)
        .orElseThrow(() -> NotFoundException.forField("user_id", "is not a user of this tenant"));
    Effective effective = DocumentAccess.effective(new Subject(subjectId, role, context.teamsOf(subjectId)), document,
        folder, now);
    return explain(tenant, document, folder, subjectId, effective);
  }

  private EffectivePermissionResponse explain(TenantId tenant, DocumentItem document, FolderItem folder,
      String subjectId, Effective effective) {
    Set<String> above = new LinkedHashSet<>();
    for (Reach reach : effective.grants()) {
      String from = reach.grant().folderId();
      if (from != null && folder != null && !from.equals(folder.id())) {
        above.add(from);
      }
    }
    GrantTargets.Context names = above.isEmpty() ? null : targets.read(tenant, List.copyOf(above), List.of(), List.of());
    Function<String, String> nameOf = id -> {
      if (folder != null && folder.id().equals(id)) {
        return folder.name();
      }
      return names == null ? null : names.folder(id).map(FolderItem::name).orElse(null);
    };
    List<Source> sources = new ArrayList<>();
    String level = effective.level().map(PermissionLevel::apiName).orElse(null);
    AccessReason because = reason(effective);
    if (because == AccessReason.TENANT_ADMIN) {
      sources.add(new Source(AccessSource.ROLE.apiName(), null, null, null, null, null, level, null, false));
    } else if (because == AccessReason.OWNER) {
      sources.add(new Source(AccessSource.OWNER.apiName(), null, null, null, null, null, level, null, false));
    }
    for (Reach reach : effective.grants()) {
      Grant grant = reach.grant();
      AccessSource source = switch (reach.route()) {
        case DIRECT -> AccessSource.DOCUMENT;
        case INHERITED -> AccessSource.FOLDER;
        case DIRECT_VIA_TEAM, INHERITED_VIA_TEAM -> AccessSource.TEAM;
      };
      GrantRoute route = GrantRoute.valueOf(reach.route().name());
      boolean inherited = route == GrantRoute.INHERITED || route == GrantRoute.INHERITED_VIA_TEAM;
      sources.add(new Source(source.apiName(), grant.id(), route.apiName(), inherited ? grant.folderId() : null,
          inherited ? nameOf.apply(grant.folderId()) : null, grant.teamId(), grant.level().apiName(),
          grant.expiresAt() == null ? null : Timestamps.format(grant.expiresAt()), !reach.counted()));
    }
    return new EffectivePermissionResponse(document.id(), subjectId, level,
        because == null ? null : because.apiName(), sources);
  }

  /** The resolver names tenant admins and owners; a level otherwise comes from grants; no level, no reason. */
  private static AccessReason reason(Effective effective) {
    if ("tenant_admin".equals(effective.because())) {
      return AccessReason.TENANT_ADMIN;
    }
    if ("owner".equals(effective.because())) {
      return AccessReason.OWNER;
    }
    return effective.level().isPresent() ? AccessReason.GRANTS : null;
  }

  // ------------------------------------------------------------------ access

  /** A live document the caller administers: 404 when they cannot view it, 403 when they cannot administer it. */
  private DocumentItem administeredDocument(Caller caller, String documentId, Instant now) {
    DocumentItem document = liveDocument(caller.tenantId(), documentId);
    requireAdmin(caller, document, now);
    return document;
  }

  private void requireAdmin(Caller caller, DocumentItem document, Instant now) {
    // Tenant admins and the owner have admin whatever the grants: no further read.
    if (caller.isAdmin() || caller.userId().equals(document.ownerId())) {
      return;
    }
    GrantTargets.Context context = targets.read(caller.tenantId(), folderOf(document), List.of(caller.userId()),
        List.of());
    FolderItem folder = document.folderId() == null ? null : context.folder(document.folderId()).orElse(null);
    requireLevel(DocumentAccess.effective(caller, context.teamsOf(caller.userId()), document, folder, now),
        PermissionLevel.ADMIN);
  }

  /** A live folder the caller administers: every member sees folders, so lacking admin is 403. */
  private FolderItem administeredFolder(Caller caller, String folderId, Instant now) {
    FolderItem folder = targets.folder(caller.tenantId(), folderId).filter(f -> !f.isDeleted())
        .orElseThrow(() -> new NotFoundException("The folder was not found."));
    requireAdmin(caller, folder, now);
    return folder;
  }

  private void requireAdmin(Caller caller, FolderItem folder, Instant now) {
    if (caller.isAdmin() || caller.userId().equals(folder.createdBy())) {
      return;
    }
    Set<String> teams = targets.read(caller.tenantId(), List.of(), List.of(caller.userId()), List.of())
        .teamsOf(caller.userId());
    Effective effective = DocumentAccess.effectiveOnFolder(new Subject(caller.userId(), caller.role(), teams), folder,
        now);
    if (!DocumentAccess.allows(effective, PermissionLevel.ADMIN)) {
      throw new ForbiddenException("Managing this folder's permissions needs admin on it.");
    }
  }

  private static void requireLevel(Effective effective, PermissionLevel needed) {
    if (!DocumentAccess.allows(effective, PermissionLevel.VIEW)) {
      throw notFound();
    }
    if (!DocumentAccess.allows(effective, needed)) {
      throw new ForbiddenException("This needs " + needed.apiName() + " permission on the document.");
    }
  }

  private DocumentItem liveDocument(TenantId tenant, String documentId) {
    return targets.document(tenant, documentId)
        .filter(d -> !d.isDeleted() && d.status() != DocumentStatus.DELETED)
        .orElseThrow(PermissionService::notFound);
  }

  private static List<String> folderOf(DocumentItem document) {
    return document.folderId() == null ? List.of() : List.of(document.folderId());
  }

  private static List<Grant> with(List<Grant> grants, Grant added) {
    List<Grant> all = new ArrayList<>(grants);
    all.add(added);
    return all;
  }

  private static List<Grant> without(List<Grant> grants, String permissionId) {
    return grants.stream().filter(g -> !g.id().equals(permissionId)).toList();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The document was not found.");
  }

  private static ConflictException concurrently() {
    return new ConflictException(
        "The document or folder kept changing while its permissions were written; try again.");
  }

  /** The target's version moved between its read and the write: read it again and retry. */
  private static final class TargetChanged extends RuntimeException {
    TargetChanged() {
      super(null, null, false, false);
    }
  }
}
