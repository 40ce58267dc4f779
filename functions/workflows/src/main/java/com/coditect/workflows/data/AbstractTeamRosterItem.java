package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A team's roster as the workflows learned it from tenancy's events (never by reading tenancy's
 * items), to resolve an approval's {@code team_ids}: {@code PK=T#t#WF_TEAM#x}; one entry per user
 * ({@code SK=MEMBER#u}, {@code member} true or false) and, once the team is deleted, its tombstone
 * ({@code SK=TEAM}, no user). {@code as_of} is the {@code occurred_at} of the newest event applied
 * to the entry: an event no newer (a redelivery, one overtaken by a later change) changes nothing.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTeamRosterItem implements StoredItem<TeamRosterItem> {

  public static final String ENTITY = "WORKFLOW_TEAM_ROSTER";

  public abstract String teamId();

  public abstract @Nullable String userId();

  public abstract Boolean member();

  public abstract String asOf();

  public static final TableSchema<TeamRosterItem> SCHEMA =
      StaticImmutableTableSchema.builder(TeamRosterItem.class, TeamRosterItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TeamRosterItem::builder, TeamRosterItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TeamRosterItem::meta, TeamRosterItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("team_id").getter(TeamRosterItem::teamId)
              .setter(TeamRosterItem.Builder::teamId))
          .addAttribute(String.class, a -> a.name("user_id").getter(TeamRosterItem::userId)
              .setter(TeamRosterItem.Builder::userId))
          .addAttribute(Boolean.class, a -> a.name("member").getter(TeamRosterItem::member)
              .setter(TeamRosterItem.Builder::member)
              .attributeConverter(AttributeConverterProvider.defaultProvider().converterFor(EnhancedType.of(Boolean.class))))
          .addAttribute(String.class, a -> a.name("as_of").getter(TeamRosterItem::asOf)
              .setter(TeamRosterItem.Builder::asOf))
          .build();
}
