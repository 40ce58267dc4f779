package com.coditect.dms.data;

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
 * The teams one user belongs to, as DMS learned them from tenancy's team events (never by reading
 * tenancy's items): {@code PK=T#t#DMS_MEMBER#u, SK=TEAMS}. Read with a page's documents to decide
 * grants made to teams.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractMemberTeamsItem implements StoredItem<MemberTeamsItem> {

  public static final String ENTITY = "DMS_MEMBER_TEAMS";

  public abstract String userId();

  public abstract List<String> teamIds();

  public static final TableSchema<MemberTeamsItem> SCHEMA =
      StaticImmutableTableSchema.builder(MemberTeamsItem.class, MemberTeamsItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(MemberTeamsItem::builder, MemberTeamsItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, MemberTeamsItem::meta, MemberTeamsItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("user_id").getter(MemberTeamsItem::userId)
              .setter(MemberTeamsItem.Builder::userId))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("team_ids").getter(MemberTeamsItem::teamIds)
              .setter(MemberTeamsItem.Builder::teamIds))
          .build();
}
