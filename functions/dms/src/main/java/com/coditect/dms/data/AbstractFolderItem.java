package com.coditect.dms.data;

import com.coditect.dms.data.Grant;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A folder (spec Domain 2.3): {@code PK=T#t#FOLDER#f, SK=FOLDER}; GSI1 lists a parent's live
 * children by name, GSI2 every folder of the tenant by {@code path} (a subtree is one prefix).
 * {@code path} is the names from the top ({@code /Contracts/2026}) and {@code ancestor_ids} the ids
 * from the top down to the parent: both are rewritten for a whole subtree when a folder moves or is
 * renamed. {@code grants} are every grant that reaches the folder: its own and those inherited from
 * its ancestors (each names the folder it was made on), so a document's access needs its own item
 * and its folder's, nothing more.
 *
 * <p>A soft delete hides the whole subtree: the folder deleted gets {@code deleted_at}, and every
 * live folder below it gets the same {@code deleted_at} and {@code hidden_by} (the id of the folder
 * whose delete hid it), so restoring that folder brings back exactly what its delete hid, and a
 * folder's own item says whether it is live. Folders deleted on their own before keep no
 * {@code hidden_by} and stay deleted.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractFolderItem implements StoredItem<FolderItem> {

  public static final String ENTITY = "FOLDER";

  public abstract String id();

  public abstract @Nullable String projectId();

  public abstract @Nullable String parentId();

  public abstract String name();

  public abstract @Nullable String description();

  public abstract String path();

  public abstract List<String> ancestorIds();

  public abstract @Nullable String createdBy();

  public abstract List<Grant> grants();

  /** The folder whose delete hid this one (null: live, or deleted itself). */
  public abstract @Nullable String hiddenBy();

  public static final TableSchema<FolderItem> SCHEMA =
      StaticImmutableTableSchema.builder(FolderItem.class, FolderItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(FolderItem::builder, FolderItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, FolderItem::meta, FolderItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(FolderItem::id)
              .setter(FolderItem.Builder::id))
          .addAttribute(String.class, a -> a.name("project_id").getter(FolderItem::projectId)
              .setter(FolderItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("parent_id").getter(FolderItem::parentId)
              .setter(FolderItem.Builder::parentId))
          .addAttribute(String.class, a -> a.name("name").getter(FolderItem::name)
              .setter(FolderItem.Builder::name))
          .addAttribute(String.class, a -> a.name("description").getter(FolderItem::description)
              .setter(FolderItem.Builder::description))
          .addAttribute(String.class, a -> a.name("path").getter(FolderItem::path)
              .setter(FolderItem.Builder::path))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("ancestor_ids").getter(FolderItem::ancestorIds)
              .setter(FolderItem.Builder::ancestorIds))
          .addAttribute(String.class, a -> a.name("created_by").getter(FolderItem::createdBy)
              .setter(FolderItem.Builder::createdBy))
          .addAttribute(GrantsConverter.TYPE, a -> a.name("grants").getter(FolderItem::grants)
              .setter(FolderItem.Builder::grants).attributeConverter(new GrantsConverter()))
          .addAttribute(String.class, a -> a.name("hidden_by").getter(FolderItem::hiddenBy)
              .setter(FolderItem.Builder::hiddenBy))
          .build();
}
