package com.coditect.pm.data;

import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

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
public final class SprintItem extends TableItem {

  public static final String ENTITY = "SPRINT";

  public String id;
  public String projectId;
  public String name;
  public String goal;
  public SprintStatus status;
  /** {@code YYYY-MM-DD}: ISO dates sort as strings, which the index sort keys rely on. */
  public String startDate;
  public String endDate;
  public String completedAt;

  public static final TableSchema<SprintItem> SCHEMA =
      StaticTableSchema.builder(SprintItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(SprintItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("project_id").getter(i -> i.projectId).setter((i, v) -> i.projectId = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(String.class, a -> a.name("goal").getter(i -> i.goal).setter((i, v) -> i.goal = v))
          .addAttribute(SprintStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(SprintStatus.class)))
          .addAttribute(String.class, a -> a.name("start_date").getter(i -> i.startDate).setter((i, v) -> i.startDate = v))
          .addAttribute(String.class, a -> a.name("end_date").getter(i -> i.endDate).setter((i, v) -> i.endDate = v))
          .addAttribute(String.class, a -> a.name("completed_at").getter(i -> i.completedAt)
              .setter((i, v) -> i.completedAt = v))
          .build();
}
