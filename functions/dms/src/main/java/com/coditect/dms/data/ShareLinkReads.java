package com.coditect.dms.data;

import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * What a public token leads to, read in two calls: one GetItem of the tenant-free token item (by
 * the token's SHA-256), then one BatchGetItem of the share, its document and, for a pinned link,
 * the version.
 */
@Singleton
public final class ShareLinkReads {

  /**
   * The items behind a token: its tenant, the share and document (null if gone), the version the
   * link is pinned to (null: none) and that version's item (null if pinned but gone).
   */
  public record Found(TenantId tenant, @Nullable ShareItem share, @Nullable DocumentItem document,
      @Nullable Long pinnedVersion, @Nullable DocumentVersionItem version) {}

  private final ShareTokenRepository tokens;
  private final DmsReads reads;

  @Inject
  public ShareLinkReads(ShareTokenRepository tokens, DmsReads reads) {
    this.tokens = tokens;
    this.reads = reads;
  }

  /** Empty when no token has this SHA-256 (hex). */
  public Optional<Found> find(String tokenSha256Hex) {
    Optional<ShareTokenItem> pointer = tokens.find(tokenSha256Hex);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    ShareTokenItem link = pointer.get();
    TenantId tenant = new TenantId(link.tenantId());
    Long pinned = link.versionNumber();
    DmsReads.Plan plan = reads.plan(tenant).share(link.shareId()).document(link.documentId());
    DmsReads.Found found = (pinned == null ? plan : plan.version(link.documentId(), pinned)).read();
    return Optional.of(new Found(tenant, found.share(link.shareId()).orElse(null),
        found.document(link.documentId()).orElse(null), pinned,
        pinned == null ? null : found.version(link.documentId(), pinned).orElse(null)));
  }
}
