package com.coditect.dms.domain;

import com.coditect.dms.api.PublicShareResponse;
import com.coditect.dms.api.ShareAccessResponse;
import com.coditect.dms.data.DocumentActivityItem;
import com.coditect.dms.data.DocumentActivityRepository;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentVersionItem;
import com.coditect.dms.data.ShareItem;
import com.coditect.dms.data.ShareLinkReads;
import com.coditect.dms.data.ShareRepository;
import com.coditect.dms.data.ShareStorage;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.SharePermission;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.GoneException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.TooManyRequestsException;
import com.coditect.shared.error.UnauthorizedException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What a share link's holder may do without an account: see what it shares, and (for a
 * {@code download} link, with its password when it has one) get a short-lived download URL. An
 * unknown token is 404; a revoked, expired or used-up link 410; a wrong password 401, and
 * {@link ShareLinkState#MAX_FAILED_PASSWORDS} of them in a row lock the link for
 * {@link ShareLinkState#LOCK_DURATION} (429 with Retry-After). The token is never logged, stored
 * or put in an event: events and activity name the route, not the path.
 */
@Singleton
public final class PublicShareService {

  private static final Log LOG = Log.forClass(PublicShareService.class);
  private static final String RESOURCE_TYPE = "share";
  /** Transactions on one hot link may collide (DynamoDB's TransactionConflict): tried again this often. */
  private static final int ATTEMPTS = 8;

  /** The request's origin as the activity row and the audit event record it. */
  public record Origin(String ip, String userAgent, String method, String route) {}

  /** A link resolved from its token: where it lives, the share, its document and its file. */
  public record Link(TenantId tenant, ShareItem share, DocumentItem document, Optional<DocumentVersionItem> version) {

    /** The file the link hands out: its pinned version's, or the document's current one. */
    public String fileName() {
      return version.map(DocumentVersionItem::fileName).orElse(document.fileName());
    }

    public Long fileSizeBytes() {
      return version.map(DocumentVersionItem::fileSizeBytes).orElse(document.fileSizeBytes());
    }

    public String mimeType() {
      return version.map(DocumentVersionItem::mimeType).orElse(document.mimeType());
    }

    String filePath() {
      return version.isPresent() ? version.get().filePath() : document.filePath();
    }

    String checksum() {
      return version.isPresent() ? version.get().checksum() : document.checksum();
    }
  }

  private final ShareLinkReads links;
  private final ShareRepository shares;
  private final DocumentActivityRepository activity;
  private final ShareStorage storage;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  PublicShareService(ShareLinkReads links, ShareRepository shares,
      DocumentActivityRepository activity, ShareStorage storage, Transactions transactions, Outbox outbox,
      Clock clock) {
    this.links = links;
    this.shares = shares;
    this.activity = activity;
    this.storage = storage;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** What the link shares: GetItem (the token) + BatchGetItem (share, document, pinned version). */
  public PublicShareResponse describe(String token) {
    Link link = usable(token);
    return view(link);
  }

  /** The link and its state for the public page (gone links are 410 there too). */
  public Link resolveForPage(String token) {
    return usable(token);
  }

  public static PublicShareResponse view(Link link) {
    ShareItem share = link.share();
    return new PublicShareResponse(link.document().title(), link.fileName(), link.fileSizeBytes(), link.mimeType(),
        share.passwordHash() != null, share.expiresAt(), share.permissionLevel().apiName());
  }

  /**
   * Counts one access and answers a download URL: GetItem (the token), BatchGetItem (share,
   * document, pinned version), then one transaction: the share's conditional count (active, under
   * its maximum, not expired, not locked), a check that the document is live, its
   * {@code downloaded} activity row (no user; the request's ip and agent) and {@code share.accessed}.
   * A wrong or missing password is one UpdateItem instead (two when it locks the link).
   */
  public ShareAccessResponse access(String token, String password, Origin origin) {
    Link link = usable(token);
    ShareItem share = link.share();
    Instant now = clock.instant();
    ShareLinkState state = state(share, now);
    if (state == ShareLinkState.LOCKED) {
      throw locked(share.lockedUntil(), now);
    }
    if (share.permissionLevel() != SharePermission.DOWNLOAD) {
      throw new ForbiddenException("This link shows the document's details only; it does not allow downloading.");
    }
    if (share.passwordHash() != null && (password == null || !SharePasswords.matches(password, share.passwordHash()))) {
      failedPassword(link, now);
    }
    count(link, origin, now);
    PresignedRequest url = storage.presignDownload(link.tenant(), link.filePath(), link.checksum(),
        link.fileName() == null ? "download" : link.fileName());
    return new ShareAccessResponse(url.url().toString(), Timestamps.format(url.expiresAt()));
  }

  private void count(Link link, Origin origin, Instant now) {
    TenantId tenant = link.tenant();
    ShareItem share = link.share();
    for (int attempt = 1; ; attempt++) {
      String stamp = Timestamps.format(clock.instant());
      WriteTransaction tx = transactions.begin();
      shares.countAccess(tx, tenant, share.id(), stamp,
          () -> new GoneException("The share link is no longer available."));
      shares.requireLiveDocument(tx, tenant, share.documentId(), PublicShareService::gone);
      String activityId = Ids.newId();
      activity.append(tx, tenant, DocumentActivityItem.builder()
          .meta(DocumentActivityRepository.newMeta(tenant, share.documentId(), activityId, stamp))
          .id(activityId)
          .documentId(share.documentId())
          .action(DocumentActivityAction.DOWNLOADED)
          .ipAddress(origin.ip())
          .userAgent(origin.userAgent())
          .build());
      // The actor has no user: the holder of a link is nobody the tenant knows. The route, not the
      // path, is recorded, so the token never reaches the audit log.
      Actor anonymous = new Actor(null, origin.ip(), origin.userAgent(), origin.method(), origin.route());
      outbox.record(tx, tenant, anonymous, RESOURCE_TYPE + ".accessed", RESOURCE_TYPE, share.id(),
          Map.of("access_count", new FieldChange(null, "+1"),
              "version_number", new FieldChange(null,
                  link.version().map(DocumentVersionItem::versionNumber).orElse(link.document().currentVersion()))));
      try {
        tx.commit();
        return;
      } catch (ConflictException e) {
        // Only a TransactionConflict ends here (every conditional part has its own error): another
        // access to the same link was in flight. Its outcome is settled now; try again.
        if (attempt == ATTEMPTS) {
          throw e;
        }
        sleep(attempt);
      }
    }
  }

  private void failedPassword(Link link, Instant now) {
    String stamp = Timestamps.format(now);
    long failures = shares.countFailedPassword(link.tenant(), link.share().id(), stamp);
    if (failures >= ShareLinkState.MAX_FAILED_PASSWORDS) {
      String until = Timestamps.format(ShareLinkState.lockedUntil(now));
      shares.lock(link.tenant(), link.share().id(), ShareLinkState.MAX_FAILED_PASSWORDS, until, stamp);
      LOG.info("share link locked after wrong passwords", "share_id", link.share().id());
      throw locked(until, now);
    }
    throw new UnauthorizedException("The password is missing or wrong.");
  }

  private Link usable(String token) {
    Link link = resolve(token);
    ShareLinkState state = state(link.share(), clock.instant());
    if (state.isGone() || !DocumentGuard.isLive(link.document())) {
      throw gone();
    }
    return link;
  }

  private Link resolve(String token) {
    if (!ShareTokens.hasTokenShape(token)) {
      throw unknown();
    }
    ShareLinkReads.Found found = links.find(ShareTokens.sha256Hex(token)).orElseThrow(PublicShareService::unknown);
    if (found.share() == null) {
      throw unknown();
    }
    // A document or pinned version removed for good takes its links with it.
    if (found.document() == null || (found.pinnedVersion() != null && found.version() == null)) {
      throw gone();
    }
    return new Link(found.tenant(), found.share(), found.document(), Optional.ofNullable(found.version()));
  }

  public static ShareLinkState state(ShareItem share, Instant now) {
    return ShareLinkState.of(share.isActive(), share.expiresAt(), share.accessCount(), share.maxAccessCount(),
        share.lockedUntil(), now);
  }

  private static TooManyRequestsException locked(String until, Instant now) {
    return new TooManyRequestsException("Too many wrong passwords: the link is locked until " + until + ".",
        ShareLinkState.retryAfterSeconds(until, now));
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a share access", e);
    }
  }

  static NotFoundException unknown() {
    return new NotFoundException("No share link has this token.");
  }

  static GoneException gone() {
    return new GoneException("The share link has been revoked, has expired or has been used up.");
  }
}
