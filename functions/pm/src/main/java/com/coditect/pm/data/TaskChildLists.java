package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.StoredItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
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

  public static final String ANCHOR_ENTITY = TaskListAnchor.ENTITY;
  /** The lists that have an anchor: each child label of {@link PmKeys}. */
  static final List<String> LISTS = List.of(PmKeys.COMMENT, PmKeys.ATTACHMENT, PmKeys.ACTIVITY);

  private static final TableSchema<EnhancedDocument> DOCUMENT_SCHEMA = TableSchema.documentSchemaBuilder()
      .addIndexPartitionKey(TableMetadata.primaryIndexName(), "PK", AttributeValueType.S)
      .addIndexSortKey(TableMetadata.primaryIndexName(), "SK", AttributeValueType.S)
      .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
      .build();

  private final Queries queries;
  private final DynamoDbTable<TaskListAnchor> anchors;
  /** The task's partition as it is, items of any kind. */
  private final DynamoDbTable<EnhancedDocument> documents;

  @Inject
  public TaskChildLists(SingleTable table, Queries queries) {
    this.queries = queries;
    this.anchors = table.view(TaskListAnchor.SCHEMA);
    this.documents = table.view(DOCUMENT_SCHEMA);
  }

  /** Adds the task's anchors to its create's or restore's transaction. */
  public void writeAnchors(WriteTransaction tx, TenantId tenant, String taskId) {
    for (String list : LISTS) {
      Key key = anchorKey(PmKeys.taskPartition(tenant, taskId), list);
      tx.put(anchors, TaskListAnchor.builder().meta(ItemMeta.at(key, ANCHOR_ENTITY)).build());
    }
  }

  /** Removes the task's anchors in its delete's transaction. */
  public void deleteAnchors(WriteTransaction tx, TenantId tenant, String taskId) {
    for (String list : LISTS) {
      tx.delete(anchorKey(PmKeys.taskPartition(tenant, taskId), list));
    }
  }

  /**
   * One page of the task's {@code list} (a child label), newest first, narrowed by {@code filter}
   * (null: none); empty when the task is unknown or deleted. One Query.
   */
  public <T extends StoredItem<T>> Optional<ResultPage<T>> newestFirst(DynamoDbTable<T> view, TenantId tenant,
      String taskId, String list, Expression filter, PageRequest page) {
    String partition = PmKeys.taskPartition(tenant, taskId);
    QueryConditional rows = QueryConditional.sortBetween(
        Key.builder().partitionValue(partition).sortValue(list + "#").build(),
        anchorKey(partition, list));
    String scope = partition + "#" + list;
    if (page.cursor().isPresent()) {
      // Later pages start below the anchor, which the first page already found.
      return Optional.of(queries.page(view, null, rows, filter, page, scope, true));
    }
    // The first page holds two kinds of item, the anchor and the rows: read as documents, each
    // row is mapped once the anchor is found (the anchor lacks what a row's item requires).
    ResultPage<EnhancedDocument> first = queries.page(documents, null, rows, filter,
        new PageRequest(page.limit() + 1, page.cursor()), scope, true);
    if (first.items().isEmpty() || !isAnchor(first.items().get(0))) {
      return Optional.empty();
    }
    List<T> items = first.items().subList(1, first.items().size()).stream()
        .map(row -> view.tableSchema().mapToItem(row.toMap())).toList();
    return Optional.of(new ResultPage<>(items, first.nextCursor()));
  }

  /** The anchor sorts right after the list's rows ({@code <list>#...}): '$' follows '#'. */
  private static Key anchorKey(String partition, String list) {
    return Key.builder().partitionValue(partition).sortValue(list + "$").build();
  }

  private static boolean isAnchor(EnhancedDocument item) {
    return ANCHOR_ENTITY.equals(item.getString("entity_type"));
  }
}
