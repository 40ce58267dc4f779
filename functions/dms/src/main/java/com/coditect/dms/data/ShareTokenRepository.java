package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The tenant-free items that lead from a public token's SHA-256 to its tenant and share. */
@Singleton
public final class ShareTokenRepository extends ItemRepository<ShareTokenItem> {

  @Inject
  public ShareTokenRepository(SingleTable table) {
    super(table, ShareTokenItem.SCHEMA);
  }

  /** The token item's key (from the token's SHA-256, hex) and type; never changed, so unversioned. */
  public static ItemMeta newMeta(String tokenSha256Hex, String now) {
    return ItemMeta.at(DmsKeys.shareToken(tokenSha256Hex), ShareTokenItem.ENTITY).withCreatedAt(now);
  }

  /** Where the token with this SHA-256 leads: one GetItem. */
  public Optional<ShareTokenItem> find(String tokenSha256Hex) {
    return Optional.ofNullable(table.getItem(DmsKeys.shareToken(tokenSha256Hex)));
  }
}
