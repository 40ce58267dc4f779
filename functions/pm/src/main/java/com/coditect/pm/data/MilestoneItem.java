package com.coditect.pm.data;

import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A milestone of a project. Hard-deleted (the spec gives it no {@code deleted_at}).
 *
 * <pre>
 * PK            T#t#MILESTONE#m                       SK      MILESTONE
 * GSI1PK/SK     T#t#PROJECT#p#MILESTONES              &lt;due_date|9999-12-31&gt;#m   a project's milestones by due date
 * GSI2PK/SK     T#t#PROJECT#p#MILESTONES#STATUS#x     &lt;due_date|9999-12-31&gt;#m   ?status=
 * sentinel      UNIQUE#MILESTONE_TITLE#&lt;p&gt;/&lt;title&gt;   the title, unique per project, any case
 * </pre>
 *
 * <p>{@code task_total} and {@code task_done} count the milestone's tasks (cancelled ones excluded);
 * task writes change them in place with {@code ADD}, so milestone writes after creation must never
 * put the whole item (it would write back counts read earlier): see {@link #COUNTERS}.
 */
public final class MilestoneItem extends TableItem {

  public static final String ENTITY = "MILESTONE";
  /** The attributes only task writes change, and only with {@code ADD}. */
  public static final Set<String> COUNTERS = Set.of("task_total", "task_done");

  public String id;
  public String projectId;
  public String title;
  public String description;
  public MilestoneStatus status;
  /** {@code YYYY-MM-DD} or null. */
  public String dueDate;
  public String completedAt;
  public Long taskTotal;
  public Long taskDone;

  public static final TableSchema<MilestoneItem> SCHEMA =
      StaticTableSchema.builder(MilestoneItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(MilestoneItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("project_id").getter(i -> i.projectId).setter((i, v) -> i.projectId = v))
          .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
          .addAttribute(String.class, a -> a.name("description").getter(i -> i.description)
              .setter((i, v) -> i.description = v))
          .addAttribute(MilestoneStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(MilestoneStatus.class)))
          .addAttribute(String.class, a -> a.name("due_date").getter(i -> i.dueDate).setter((i, v) -> i.dueDate = v))
          .addAttribute(String.class, a -> a.name("completed_at").getter(i -> i.completedAt)
              .setter((i, v) -> i.completedAt = v))
          .addAttribute(Long.class, a -> a.name("task_total").getter(i -> i.taskTotal).setter((i, v) -> i.taskTotal = v))
          .addAttribute(Long.class, a -> a.name("task_done").getter(i -> i.taskDone).setter((i, v) -> i.taskDone = v))
          .build();

  /** Percent of the counted tasks that are done, rounded down: 1 of 3 is 33. */
  public int progressPercent() {
    long total = taskTotal == null ? 0 : taskTotal;
    long done = taskDone == null ? 0 : taskDone;
    if (total <= 0) {
      return 0;
    }
    // Clamped so that a counter briefly out of step (done above total) never shows more than 100.
    return (int) Math.max(0, Math.min(100, 100 * done / total));
  }

  /** A field-by-field copy, to compare an item before and after a change. */
  public MilestoneItem copy() {
    return SCHEMA.mapToItem(SCHEMA.itemToMap(this, true));
  }
}
