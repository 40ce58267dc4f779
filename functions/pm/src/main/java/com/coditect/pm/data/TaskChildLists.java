package com.coditect.pm.data;

import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * A live task's comments, attachments and history, newest first, in one Query per page, 404 for a
 * task that is unknown or deleted. Each list has an <em>anchor</em>: a small item in the task's
 * partition, right above the list's rows ({@code COMMENT$} sorts after every {@code COMMENT#<id>}),
 * that exists exactly while the task lives (written with the task, deleted with it). A first page
 * reads from the anchor down: no anchor, no task.
 */
@Singleton
public final class TaskChildLists {

  public static final String ANCHOR_ENTITY = "TASK_LIST_ANCHOR";
  /** The lists that have an anchor: each child label of {@link PmKeys}. */
  static final List<String> LISTS = List.of(PmKeys.COMMENT, PmKeys.ATTACHMENT, PmKeys.ACTIVITY);

  private static final TableSchema<Anchor> ANCHOR_SCHEMA = StaticTableSchema.builder(Anchor.class)
      .attributeConverterProviders(PlatformConverters.INSTANCE)
      .newItemSupplier(Anchor::new)
      .extend(TableItem.BASE_SCHEMA)
      .build();

  private final Queries queries;
  private final DynamoDbTable<Anchor> anchors;

  @Inject
  public TaskChildLists(SingleTable table, Queries queries) {
    this.queries = queries;
    this.anchors = table.view(ANCHOR_SCHEMA);
  }

  /** Adds the task's anchors to its create's or restore's transaction. */
  public void writeAnchors(WriteTransaction tx, TenantId tenant, String taskId) {
    for (String list : LISTS) {
      Anchor anchor = new Anchor();
      anchor.pk = PmKeys.taskPartition(tenant, taskId);
      anchor.sk = list + "$";
      anchor.entityType = ANCHOR_ENTITY;
      tx.put(anchors, anchor);
    }
  }

  /** Removes the task's anchors in its delete's transaction. */
  public void deleteAnchors(WriteTransaction tx, TenantId tenant, String taskId) {
    for (String list : LISTS) {
      tx.delete(Key.builder().partitionValue(PmKeys.taskPartition(tenant, taskId)).sortValue(list + "$").build());
    }
  }

  /**
   * One page of the task's {@code list} (a child label), newest first, narrowed by {@code filter}
   * (null: none); empty when the task is unknown or deleted. One Query.
   */
  public <T extends TableItem> Optional<ResultPage<T>> newestFirst(DynamoDbTable<T> view, TenantId tenant,
      String taskId, String list, Expression filter, PageRequest page) {
    String partition = PmKeys.taskPartition(tenant, taskId);
    QueryConditional rows = QueryConditional.sortBetween(
        Key.builder().partitionValue(partition).sortValue(list + "#").build(),
        Key.builder().partitionValue(partition).sortValue(list + "$").build());
    String scope = partition + "#" + list;
    if (page.cursor().isPresent()) {
      // Later pages start below the anchor, which the first page already found.
      return Optional.of(queries.page(view, null, rows, filter, page, scope, true));
    }
    ResultPage<T> first = queries.page(view, null, rows, filter, new PageRequest(page.limit() + 1, page.cursor()),
        scope, true);
    if (first.items().isEmpty() || !ANCHOR_ENTITY.equals(first.items().get(0).entityType)) {
      return Optional.empty();
    }
    return Optional.of(new ResultPage<>(first.items().subList(1, first.items().size()), first.nextCursor()));
  }

  /** The anchor item: keys and entity type only. */
  public static final class Anchor extends TableItem {}
}
