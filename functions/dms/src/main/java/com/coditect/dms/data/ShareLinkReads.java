package com.coditect.dms.data;

import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

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
  private final DmsBatchReads batch;

  @Inject
  public ShareLinkReads(ShareTokenRepository tokens, DmsBatchReads batch) {
    this.tokens = tokens;
    this.batch = batch;
  }

  /** Empty when no token has this SHA-256 (hex). */
  public Optional<Found> find(String tokenSha256Hex) {
    Optional<ShareTokenItem> pointer = tokens.find(tokenSha256Hex);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    ShareTokenItem link = pointer.get();
    TenantId tenant = new TenantId(link.tenantId());
    Key share = DmsKeys.share(tenant, link.shareId());
    Key document = DmsKeys.document(tenant, link.documentId());
    List<Key> keys = new ArrayList<>(List.of(share, document));
    Key version = link.versionNumber() == null ? null : DmsKeys.version(tenant, link.documentId(), link.versionNumber());
    if (version != null) {
      keys.add(version);
    }
    DmsBatchReads.Found found = batch.get(keys);
    return Optional.of(new Found(tenant, found.share(share).orElse(null), found.document(document).orElse(null),
        link.versionNumber(), version == null ? null : found.version(version).orElse(null)));
  }
}
