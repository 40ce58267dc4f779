package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.tenancy.model.ProjectStatus;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A project. Key {@code PK=T#<tenant>#PROJECT#<id>, SK=PROJECT}; GSI1 lists the tenant's projects,
 * GSI2 lists them by status. The key ({@code ENG}) is unique per tenant through a
 * {@code PROJECT_KEY} sentinel and never changes, since task keys ({@code ENG-42}) are built on it.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractProjectItem implements StoredItem<ProjectItem> {

  public static final String ENTITY = "PROJECT";

  public abstract String id();

  public abstract String key();

  public abstract String name();

  public abstract @Nullable String description();

  public abstract ProjectStatus status();

  public abstract String ownerId();

  public static final TableSchema<ProjectItem> SCHEMA =
      StaticImmutableTableSchema.builder(ProjectItem.class, ProjectItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ProjectItem::builder, ProjectItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ProjectItem::meta, ProjectItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ProjectItem::id).setter(ProjectItem.Builder::id))
          .addAttribute(String.class, a -> a.name("key").getter(ProjectItem::key).setter(ProjectItem.Builder::key))
          .addAttribute(String.class, a -> a.name("name").getter(ProjectItem::name).setter(ProjectItem.Builder::name))
          .addAttribute(String.class, a -> a.name("description").getter(ProjectItem::description)
              .setter(ProjectItem.Builder::description))
          .addAttribute(ProjectStatus.class, a -> a.name("status").getter(ProjectItem::status)
              .setter(ProjectItem.Builder::status).attributeConverter(ChoiceConverter.of(ProjectStatus.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(ProjectItem::ownerId)
              .setter(ProjectItem.Builder::ownerId))
          .build();
}
