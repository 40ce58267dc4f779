package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A team. Key {@code PK=T#<tenant>#TEAM#<id>, SK=TEAM}; its memberships share the partition, so
 * one Query reads a team with its members. GSI1 lists the tenant's teams. Name unique per tenant
 * through a {@code TEAM_NAME} sentinel.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTeamItem implements StoredItem<TeamItem> {

  public static final String ENTITY = "TEAM";

  public abstract String id();

  public abstract String name();

  public abstract @Nullable String description();

  public static final TableSchema<TeamItem> SCHEMA =
      StaticImmutableTableSchema.builder(TeamItem.class, TeamItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TeamItem::builder, TeamItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TeamItem::meta, TeamItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(TeamItem::id).setter(TeamItem.Builder::id))
          .addAttribute(String.class, a -> a.name("name").getter(TeamItem::name).setter(TeamItem.Builder::name))
          .addAttribute(String.class, a -> a.name("description").getter(TeamItem::description)
              .setter(TeamItem.Builder::description))
          .build();
}
