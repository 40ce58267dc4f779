package com.coditect.tenancy.data;

import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.PlatformConverters;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A team. Key {@code PK=T#<tenant>#TEAM#<id>, SK=TEAM}; its memberships share the partition, so
 * one Query reads a team with its members. GSI1 lists the tenant's teams. Name unique per tenant
 * through a {@code TEAM_NAME} sentinel.
 */
public final class TeamItem extends TableItem {

  public static final String ENTITY = "TEAM";

  public String id;
  public String name;
  public String description;

  public static final TableSchema<TeamItem> SCHEMA =
      StaticTableSchema.builder(TeamItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(TeamItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(String.class, a -> a.name("description").getter(i -> i.description).setter((i, v) -> i.description = v))
          .build();
}
