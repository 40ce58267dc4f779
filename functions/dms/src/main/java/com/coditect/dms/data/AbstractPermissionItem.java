package com.coditect.dms.data;

import com.coditect.dms.model.PermissionLevel;
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
 * A permission grant (spec Domain 2.4): {@code PK=T#t#PERM#p, SK=PERM}; GSI1 lists the grants on
 * its target ({@code T#t#DOC#d#PERMS} or {@code T#t#FOLDER#f#PERMS}), GSI2 the grants to its
 * principal ({@code T#t#USER#u#PERMS} or {@code T#t#TEAM#x#PERMS}), both by id (creation order).
 * Exactly one of {@code document_id}/{@code folder_id} and one of {@code user_id}/{@code team_id} is
 * set; a sentinel keeps one grant per (target, principal). The target item's {@code grants}
 * attribute carries a copy ({@link Grant}), written in the same transaction, from which access is
 * decided. Never changed once made: a revoke deletes it.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractPermissionItem implements StoredItem<PermissionItem> {

  public static final String ENTITY = "DOCUMENT_PERMISSION";

  public abstract String id();

  public abstract @Nullable String documentId();

  public abstract @Nullable String folderId();

  public abstract @Nullable String userId();

  public abstract @Nullable String teamId();

  public abstract PermissionLevel permissionLevel();

  public abstract String grantedBy();

  public abstract @Nullable String expiresAt();

  /** The copy of this grant that its target's {@code grants} attribute carries. */
  public Grant toGrant() {
    return new Grant(id(), permissionLevel(), documentId(), folderId(), userId(), teamId(),
        expiresAt() == null ? null : java.time.Instant.parse(expiresAt()));
  }

  public static final TableSchema<PermissionItem> SCHEMA =
      StaticImmutableTableSchema.builder(PermissionItem.class, PermissionItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(PermissionItem::builder, PermissionItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, PermissionItem::meta, PermissionItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(PermissionItem::id)
              .setter(PermissionItem.Builder::id))
          .addAttribute(String.class, a -> a.name("document_id").getter(PermissionItem::documentId)
              .setter(PermissionItem.Builder::documentId))
          .addAttribute(String.class, a -> a.name("folder_id").getter(PermissionItem::folderId)
              .setter(PermissionItem.Builder::folderId))
          .addAttribute(String.class, a -> a.name("user_id").getter(PermissionItem::userId)
              .setter(PermissionItem.Builder::userId))
          .addAttribute(String.class, a -> a.name("team_id").getter(PermissionItem::teamId)
              .setter(PermissionItem.Builder::teamId))
          .addAttribute(PermissionLevel.class, a -> a.name("permission_level").getter(PermissionItem::permissionLevel)
              .setter(PermissionItem.Builder::permissionLevel).attributeConverter(ChoiceConverter.of(PermissionLevel.class)))
          .addAttribute(String.class, a -> a.name("granted_by").getter(PermissionItem::grantedBy)
              .setter(PermissionItem.Builder::grantedBy))
          .addAttribute(String.class, a -> a.name("expires_at").getter(PermissionItem::expiresAt)
              .setter(PermissionItem.Builder::expiresAt))
          .build();
}
