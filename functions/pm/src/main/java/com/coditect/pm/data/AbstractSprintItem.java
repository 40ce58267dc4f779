package com.coditect.pm.data;

import com.coditect.pm.model.SprintStatus;
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
 * A sprint of a project. Sprints are hard-deleted (the spec gives them no {@code deleted_at}).
 *
 * <pre>
 * PK            T#t#SPRINT#s                      SK      SPRINT
 * GSI1PK/SK     T#t#PROJECT#p#SPRINTS             &lt;start_date&gt;#s   a project's sprints by start date
 * GSI2PK/SK     T#t#PROJECT#p#SPRINTS#STATUS#x    &lt;start_date&gt;#s   ?status= (spec index (tenant, project, status))
 * sentinels     UNIQUE#SPRINT_NAME#&lt;p&gt;/&lt;name&gt;      the name, unique per project, any case
 *               UNIQUE#ACTIVE_SPRINT#&lt;p&gt;          held by the project's one active sprint
 * </pre>
 */
@Value.Immutable
@ItemStyle
abstract class AbstractSprintItem implements StoredItem<SprintItem> {

  public static final String ENTITY = "SPRINT";

  public abstract String id();

  public abstract String projectId();

  public abstract String name();

  public abstract @Nullable String goal();

  public abstract SprintStatus status();

  /** {@code YYYY-MM-DD}: ISO dates sort as strings, which the index sort keys rely on. */
  public abstract String startDate();

  public abstract String endDate();

  public abstract @Nullable String completedAt();

  public static final TableSchema<SprintItem> SCHEMA =
      StaticImmutableTableSchema.builder(SprintItem.class, SprintItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(SprintItem::builder, SprintItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, SprintItem::meta, SprintItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(SprintItem::id).setter(SprintItem.Builder::id))
          .addAttribute(String.class, a -> a.name("project_id").getter(SprintItem::projectId)
              .setter(SprintItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("name").getter(SprintItem::name).setter(SprintItem.Builder::name))
          .addAttribute(String.class, a -> a.name("goal").getter(SprintItem::goal).setter(SprintItem.Builder::goal))
          .addAttribute(SprintStatus.class, a -> a.name("status").getter(SprintItem::status)
              .setter(SprintItem.Builder::status).attributeConverter(ChoiceConverter.of(SprintStatus.class)))
          .addAttribute(String.class, a -> a.name("start_date").getter(SprintItem::startDate)
              .setter(SprintItem.Builder::startDate))
          .addAttribute(String.class, a -> a.name("end_date").getter(SprintItem::endDate)
              .setter(SprintItem.Builder::endDate))
          .addAttribute(String.class, a -> a.name("completed_at").getter(SprintItem::completedAt)
              .setter(SprintItem.Builder::completedAt))
          .build();
}
