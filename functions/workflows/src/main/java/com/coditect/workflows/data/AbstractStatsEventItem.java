package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The mark that one event was added to the analysis: {@code PK=T#t#STATS_EVENT#<event id>,
 * SK=STATS_EVENT}, created with {@code attribute_not_exists} in the transaction that adds the event
 * to its aggregates, so a redelivered event adds nothing. It lives two days ({@code ttl}): the
 * bus stops redelivering an event after one.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractStatsEventItem implements StoredItem<StatsEventItem> {

  public static final String ENTITY = "WORKFLOW_STATS_EVENT";

  public abstract String eventId();

  public static final TableSchema<StatsEventItem> SCHEMA =
      StaticImmutableTableSchema.builder(StatsEventItem.class, StatsEventItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(StatsEventItem::builder, StatsEventItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, StatsEventItem::meta, StatsEventItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("event_id").getter(StatsEventItem::eventId)
              .setter(StatsEventItem.Builder::eventId))
          .build();
}
