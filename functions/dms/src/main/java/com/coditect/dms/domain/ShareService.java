package com.coditect.dms.domain;

import com.coditect.dms.api.CreateShareRequest;
import com.coditect.dms.api.ShareResponse;
import com.coditect.dms.api.UpdateShareRequest;
import com.coditect.dms.data.DocumentActivityItem;
import com.coditect.dms.data.DocumentActivityRepository;
import com.coditect.dms.data.ShareItem;
import com.coditect.dms.data.ShareRepository;
import com.coditect.dms.data.ShareTokenItem;
import com.coditect.dms.data.ShareTokenRepository;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Share links as their managers see them: create (the token shown once), list, change, revoke.
 * Each needs {@code edit} on the document (DocumentGuard); each change is one transaction with its
 * outbox event ({@code share.created|updated|revoked}) and, for a creation, the document's
 * {@code shared} activity row.
 */
@Singleton
public final class ShareService {

  private static final String RESOURCE_TYPE = "share";

  private final DocumentGuard guard;
  private final ShareRepository shares;
  private final ShareTokenRepository tokens;
  private final DocumentActivityRepository activity;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  ShareService(DocumentGuard guard, ShareRepository shares, ShareTokenRepository tokens,
      DocumentActivityRepository activity, Transactions transactions, Outbox outbox, Clock clock) {
    this.guard = guard;
    this.shares = shares;
    this.tokens = tokens;
    this.activity = activity;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Creates a link: the document read with access (DocumentGuard), then one transaction with the
   * share, its token item (unique), a check that the document is still live, the {@code shared}
   * activity row and {@code share.created}. {@code pageUrl} makes the public page's URL of a token.
   */
  public Created<ShareResponse> create(Caller caller, String documentId, CreateShareRequest request,
      Function<String, String> pageUrl) {
    TenantId tenant = caller.tenantId();
    Long pinned = request.versionNumber() == null ? null : request.versionNumber().longValue();
    DocumentGuard.Allowed allowed = guard.require(caller, documentId, pinned, PermissionLevel.EDIT);
    if (pinned != null && allowed.version().isEmpty()) {
      throw NotFoundException.forField("version_number", "the document has no version " + pinned);
    }
    Instant now = clock.instant();
    requireFuture(request.expiresAt(), now);
    String stamp = Timestamps.format(now);
    String id = Ids.newId();
    String token = ShareTokens.newToken();
    String tokenHash = ShareTokens.sha256Hex(token);
    ShareItem share = ShareRepository.indexed(tenant, ShareItem.builder()
        .meta(ShareRepository.newMeta(tenant, id, stamp))
        .id(id)
        .documentId(documentId)
        .createdBy(caller.userId())
        .permissionLevel(request.permissionLevel())
        .expiresAt(request.expiresAt())
        .passwordHash(request.password() == null ? null : SharePasswords.hash(request.password()))
        .accessCount(0L)
        .maxAccessCount(request.maxAccessCount() == null ? null : request.maxAccessCount().longValue())
        .isActive(true)
        .versionNumber(pinned)
        .failedPasswordCount(0L)
        .build());
    ShareTokenItem pointer = ShareTokenItem.builder()
        .meta(ShareTokenRepository.newMeta(tokenHash, stamp))
        .tenantId(tenant.value())
        .shareId(id)
        .documentId(documentId)
        .versionNumber(pinned)
        .build();
    ShareResponse view = ShareResponse.from(share);
    WriteTransaction tx = transactions.begin();
    shares.create(tx, share, () -> new IllegalStateException("share id collision"));
    tokens.create(tx, pointer, () -> new IllegalStateException("share token collision"));
    shares.requireLiveDocument(tx, tenant, documentId, DocumentGuard::notFound);
    String activityId = Ids.newId();
    activity.append(tx, tenant, DocumentActivityItem.builder()
        .meta(DocumentActivityRepository.newMeta(tenant, documentId, activityId, stamp))
        .id(activityId)
        .documentId(documentId)
        .userId(caller.userId())
        .action(DocumentActivityAction.SHARED)
        .ipAddress(caller.actor().ip())
        .userAgent(caller.actor().userAgent())
        .build());
    outbox.record(tx, tenant, caller.actor(), RESOURCE_TYPE + ".created", RESOURCE_TYPE, id, null, view);
    tx.commit();
    // The token leaves here once, in this answer; nothing else holds it.
    return new Created<>("/v1/shares/" + id, view.withToken(token, pageUrl.apply(token)), share.version());
  }

  /** A document's links, active first (no tokens): the document read with access, then one Query. */
  public ResultPage<ShareResponse> list(Caller caller, String documentId, PageRequest page) {
    guard.require(caller, documentId, null, PermissionLevel.EDIT);
    return shares.listOfDocument(caller.tenantId(), documentId, page).map(ShareResponse::from);
  }

  /**
   * Changes a link: GetItem (the share), the document read with access, one transaction with the
   * share (conditional on the version read) and {@code share.updated}. A new password, or its
   * removal, also ends a lock and its count of wrong passwords.
   */
  public Versioned<ShareResponse> update(Caller caller, String shareId, Optional<Long> ifMatch,
      UpdateShareRequest request) {
    ShareItem share = findManaged(caller, shareId);
    Instant now = clock.instant();
    if (request.expiresAt().isPresent()) {
      requireFuture(request.expiresAt().value(), now);
    }
    Integer max = request.maxAccessCount().orElse(share.maxAccessCount() == null ? null
        : share.maxAccessCount().intValue());
    ShareItem.Builder changed = ShareItem.builder().from(share)
        .expiresAt(request.expiresAt().orElse(share.expiresAt()))
        .permissionLevel(request.permissionLevel().orElse(share.permissionLevel()))
        .isActive(request.isActive().orElse(share.isActive()))
        .maxAccessCount(max == null ? null : max.longValue());
    boolean passwordChanged = request.password().isPresent();
    if (passwordChanged) {
      String password = request.password().value();
      changed.passwordHash(password == null ? null : SharePasswords.hash(password))
          .failedPasswordCount(0L)
          .lockedUntil(null);
    }
    return write(caller, share, ShareRepository.indexed(caller.tenantId(), changed.build()), ifMatch, "share.updated",
        passwordChanged, now);
  }

  /** Revokes a link at once (is_active false): as {@link #update}, with {@code share.revoked}. */
  public void revoke(Caller caller, String shareId, Optional<Long> ifMatch) {
    ShareItem share = findManaged(caller, shareId);
    write(caller, share, ShareRepository.indexed(caller.tenantId(), share.withIsActive(false)), ifMatch,
        "share.revoked", false, clock.instant());
  }

  private ShareItem findManaged(Caller caller, String shareId) {
    ShareItem share = shares.find(caller.tenantId(), shareId).orElseThrow(ShareService::shareNotFound);
    try {
      guard.require(caller, share.documentId(), null, PermissionLevel.EDIT);
    } catch (NotFoundException e) {
      // Whoever may not see the document may not learn that a link of it exists.
      throw shareNotFound();
    }
    return share;
  }

  private Versioned<ShareResponse> write(Caller caller, ShareItem share, ShareItem changed, Optional<Long> ifMatch,
      String action, boolean passwordChanged, Instant now) {
    Preconditions.checkIfMatch(ifMatch, share.version());
    ShareResponse before = ShareResponse.from(share);
    ShareResponse after = ShareResponse.from(changed);
    if (after.equals(before) && !passwordChanged) {
      return new Versioned<>(before, share.version());
    }
    ShareItem next = changed.nextVersion(Timestamps.format(now));
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(before, ShareResponse.from(next)));
    if (passwordChanged) {
      // That the password changed is audited; no hash of it leaves the item.
      changes.put("password", new FieldChange(null, "changed"));
    }
    WriteTransaction tx = transactions.begin();
    shares.replace(tx, next, share.version(), Preconditions.stale(ifMatch.isPresent()));
    outbox.record(tx, caller.tenantId(), caller.actor(), action, RESOURCE_TYPE, share.id(), changes);
    tx.commit();
    return new Versioned<>(ShareResponse.from(next), next.version());
  }

  private static void requireFuture(String expiresAt, Instant now) {
    if (expiresAt != null && !Timestamps.parse(expiresAt).isAfter(now)) {
      throw BadRequestException.forField("expires_at", "must be in the future");
    }
  }

  static NotFoundException shareNotFound() {
    return new NotFoundException("The share link was not found.");
  }
}
