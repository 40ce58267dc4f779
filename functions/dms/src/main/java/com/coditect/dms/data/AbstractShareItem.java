package com.coditect.dms.data;

import com.coditect.dms.model.SharePermission;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A share link of a document (spec Domain 2.6): {@code PK=T#t#SHARE#s, SK=SHARE}; GSI1 lists a
 * document's links, active first ({@code T#t#DOC#d#SHARES / 0#s | 1#s}). The token itself is never
 * stored: its SHA-256 keys the tenant-free {@link ShareTokenItem} that leads here. {@code
 * access_count}, {@code last_accessed_at}, {@code failed_password_count} and {@code locked_until}
 * are changed in place by the public routes (conditional updates that also bump the version), so a
 * link's limits hold under any number of parallel accesses. {@code max_access_count} is a field
 * beyond the spec (issue #13); {@code version_number} pins the link to one version (null: the
 * current one at each access).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractShareItem implements StoredItem<ShareItem> {

  public static final String ENTITY = "DOCUMENT_SHARE";

  public abstract String id();

  public abstract String documentId();

  public abstract @Nullable String createdBy();

  public abstract SharePermission permissionLevel();

  public abstract @Nullable String expiresAt();

  /** Argon2id in PHC string form; null: no password. */
  public abstract @Nullable String passwordHash();

  public abstract Long accessCount();

  public abstract @Nullable Long maxAccessCount();

  public abstract @Nullable String lastAccessedAt();

  public abstract Boolean isActive();

  public abstract @Nullable Long versionNumber();

  /** Wrong passwords since the last lock or successful access. */
  public abstract @Nullable Long failedPasswordCount();

  public abstract @Nullable String lockedUntil();

  public static final TableSchema<ShareItem> SCHEMA =
      StaticImmutableTableSchema.builder(ShareItem.class, ShareItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ShareItem::builder, ShareItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ShareItem::meta, ShareItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ShareItem::id).setter(ShareItem.Builder::id))
          .addAttribute(String.class, a -> a.name("document_id").getter(ShareItem::documentId)
              .setter(ShareItem.Builder::documentId))
          .addAttribute(String.class, a -> a.name("created_by").getter(ShareItem::createdBy)
              .setter(ShareItem.Builder::createdBy))
          .addAttribute(SharePermission.class, a -> a.name("permission_level").getter(ShareItem::permissionLevel)
              .setter(ShareItem.Builder::permissionLevel).attributeConverter(ChoiceConverter.of(SharePermission.class)))
          .addAttribute(String.class, a -> a.name("expires_at").getter(ShareItem::expiresAt)
              .setter(ShareItem.Builder::expiresAt))
          .addAttribute(String.class, a -> a.name("password_hash").getter(ShareItem::passwordHash)
              .setter(ShareItem.Builder::passwordHash))
          .addAttribute(Long.class, a -> a.name("access_count").getter(ShareItem::accessCount)
              .setter(ShareItem.Builder::accessCount))
          .addAttribute(Long.class, a -> a.name("max_access_count").getter(ShareItem::maxAccessCount)
              .setter(ShareItem.Builder::maxAccessCount))
          .addAttribute(String.class, a -> a.name("last_accessed_at").getter(ShareItem::lastAccessedAt)
              .setter(ShareItem.Builder::lastAccessedAt))
          .addAttribute(Boolean.class, a -> a.name("is_active").getter(ShareItem::isActive)
              .setter(ShareItem.Builder::isActive))
          .addAttribute(Long.class, a -> a.name("version_number").getter(ShareItem::versionNumber)
              .setter(ShareItem.Builder::versionNumber))
          .addAttribute(Long.class, a -> a.name("failed_password_count").getter(ShareItem::failedPasswordCount)
              .setter(ShareItem.Builder::failedPasswordCount))
          .addAttribute(String.class, a -> a.name("locked_until").getter(ShareItem::lockedUntil)
              .setter(ShareItem.Builder::lockedUntil))
          .build();
}
