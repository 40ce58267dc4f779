package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A user's membership of a team. Key {@code PK=T#<tenant>#TEAM#<team>, SK=MEMBER#<user>};
 * GSI1 {@code T#<tenant>#USER#<user>#TEAMS / <team>} serves "the teams of a user" (document
 * permissions granted to teams need it).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTeamMemberItem implements StoredItem<TeamMemberItem> {

  public static final String ENTITY = "TEAM_MEMBER";

  public abstract String teamId();

  public abstract String userId();

  public static final TableSchema<TeamMemberItem> SCHEMA =
      StaticImmutableTableSchema.builder(TeamMemberItem.class, TeamMemberItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TeamMemberItem::builder, TeamMemberItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TeamMemberItem::meta, TeamMemberItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("team_id").getter(TeamMemberItem::teamId)
              .setter(TeamMemberItem.Builder::teamId))
          .addAttribute(String.class, a -> a.name("user_id").getter(TeamMemberItem::userId)
              .setter(TeamMemberItem.Builder::userId))
          .build();
}
