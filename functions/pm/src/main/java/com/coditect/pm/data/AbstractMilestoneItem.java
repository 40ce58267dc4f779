package com.coditect.pm.data;

import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractMilestoneItem implements StoredItem<MilestoneItem> {

  public static final String ENTITY = "MILESTONE";
  /** The attributes only task writes change, and only with {@code ADD}. */
  public static final Set<String> COUNTERS = Set.of("task_total", "task_done");

  public abstract String id();

  public abstract String projectId();

  public abstract String title();

  public abstract @Nullable String description();

  public abstract MilestoneStatus status();

  /** {@code YYYY-MM-DD} or null. */
  public abstract @Nullable String dueDate();

  public abstract @Nullable String completedAt();

  public abstract @Nullable Long taskTotal();

  public abstract @Nullable Long taskDone();

  public static final TableSchema<MilestoneItem> SCHEMA =
      StaticImmutableTableSchema.builder(MilestoneItem.class, MilestoneItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(MilestoneItem::builder, MilestoneItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, MilestoneItem::meta, MilestoneItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(MilestoneItem::id).setter(MilestoneItem.Builder::id))
          .addAttribute(String.class, a -> a.name("project_id").getter(MilestoneItem::projectId)
              .setter(MilestoneItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("title").getter(MilestoneItem::title)
              .setter(MilestoneItem.Builder::title))
          .addAttribute(String.class, a -> a.name("description").getter(MilestoneItem::description)
              .setter(MilestoneItem.Builder::description))
          .addAttribute(MilestoneStatus.class, a -> a.name("status").getter(MilestoneItem::status)
              .setter(MilestoneItem.Builder::status).attributeConverter(ChoiceConverter.of(MilestoneStatus.class)))
          .addAttribute(String.class, a -> a.name("due_date").getter(MilestoneItem::dueDate)
              .setter(MilestoneItem.Builder::dueDate))
          .addAttribute(String.class, a -> a.name("completed_at").getter(MilestoneItem::completedAt)
              .setter(MilestoneItem.Builder::completedAt))
          .addAttribute(Long.class, a -> a.name("task_total").getter(MilestoneItem::taskTotal)
              .setter(MilestoneItem.Builder::taskTotal))
          .addAttribute(Long.class, a -> a.name("task_done").getter(MilestoneItem::taskDone)
              .setter(MilestoneItem.Builder::taskDone))
          .build();

  /** Percent of the counted tasks that are done, rounded down: 1 of 3 is 33. */
  public int progressPercent() {
    long total = taskTotal() == null ? 0 : taskTotal();
    long done = taskDone() == null ? 0 : taskDone();
    if (total <= 0) {
      return 0;
    }
    // Clamped so that a counter briefly out of step (done above total) never shows more than 100.
    return (int) Math.max(0, Math.min(100, 100 * done / total));
  }
}
