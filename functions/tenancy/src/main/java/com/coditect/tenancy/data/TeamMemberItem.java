package com.coditect.tenancy.data;

import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.PlatformConverters;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A user's membership of a team. Key {@code PK=T#<tenant>#TEAM#<team>, SK=MEMBER#<user>};
 * GSI1 {@code T#<tenant>#USER#<user>#TEAMS / <team>} serves "the teams of a user" (document
 * permissions granted to teams need it).
 */
public final class TeamMemberItem extends TableItem {

  public static final String ENTITY = "TEAM_MEMBER";

  public String teamId;
  public String userId;

  public static final TableSchema<TeamMemberItem> SCHEMA =
      StaticTableSchema.builder(TeamMemberItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(TeamMemberItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("team_id").getter(i -> i.teamId).setter((i, v) -> i.teamId = v))
          .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
          .build();
}
