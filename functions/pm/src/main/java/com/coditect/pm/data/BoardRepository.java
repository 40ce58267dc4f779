package com.coditect.pm.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads boards, and the task rows a board shows, by the access patterns of docs/access-patterns.md;
 * and the write parts of a board.
 */
@Singleton
public final class BoardRepository extends ItemRepository<BoardItem> {

  /**
   * The board-row sort keys are {@code <status>#<rank>#<task id>}; statuses never contain '#' or
   * '$', and '$' is the character after '#', so {@code <status>$} sorts after every row of that
   * status and before the next status.
   */
  private static final String AFTER_STATUS = "$";

  private final DynamoDbTable<TaskItem> taskRows;
  private final Queries queries;

  @Inject
  public BoardRepository(SingleTable table, Queries queries) {
    super(table, BoardItem.SCHEMA);
    this.taskRows = table.view(TaskItem.SCHEMA);
    this.queries = queries;
  }


  /** A board: one GetItem. */
  public Optional<BoardItem> find(TenantId tenant, String boardId) {
    return Optional.ofNullable(table.getItem(PmKeys.board(tenant, boardId)));
  }

  /** A project's boards, oldest first: one Query on GSI1. */
  public ResultPage<BoardItem> listByProject(TenantId tenant, String projectId, PageRequest page) {
    String partition = PmKeys.boardsOfProject(tenant, projectId);
    return queries.page(table, ItemMeta.GSI1, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), page,
        partition, false);
  }

  /**
   * One page of the task rows {@code board} shows, in sort-key order (status, then rank): one Query
   * on the project's board-row partition. The key condition spans the board's statuses from the
   * first to the last in sort order, so statuses outside that span are never read; a filter drops
   * the unmapped statuses that fall inside the span (read, but not returned).
   *
   * @param allStatuses every task status, to tell whether the span holds unmapped ones
   */
  public ResultPage<TaskItem> taskRows(TenantId tenant, BoardItem board, List<String> allStatuses, PageRequest page) {
    SortedSet<String> mapped = new TreeSet<>();
    board.columns().forEach(column -> mapped.addAll(column.statusMapping()));
    String partition = PmKeys.boardRows(tenant, board.projectId());
    String from = mapped.first() + "#";
    String to = mapped.last() + AFTER_STATUS;
    QueryConditional span = QueryConditional.sortBetween(
        Key.builder().partitionValue(partition).sortValue(from).build(),
        Key.builder().partitionValue(partition).sortValue(to).build());
    boolean spanHasUnmapped = allStatuses.stream()
        .anyMatch(status -> status.compareTo(mapped.first()) > 0 && status.compareTo(mapped.last()) < 0
            && !mapped.contains(status));
    Expression filter = spanHasUnmapped ? statusIn(mapped) : null;
    // The cursor is a start key inside this span: it is only valid for the same board and span.
    String scope = partition + "|" + PmKeys.BOARD + "#" + board.id() + "|" + from + "|" + to;
    return queries.page(taskRows, null, span, filter, page, scope, false);
  }

  private static Expression statusIn(SortedSet<String> statuses) {
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder names = new StringBuilder();
    for (String status : statuses) {
      String placeholder = ":status" + values.size();
      values.put(placeholder, AttributeValue.fromS(status));
      names.append(names.isEmpty() ? "" : ", ").append(placeholder);
    }
    // "status" is a DynamoDB reserved word, hence the name placeholder.
    return Expression.builder()
        .expression("#status IN (" + names + ")")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(values)
        .build();
  }

  /** A new board's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String boardId, String now) {
    return ItemMeta.created(PmKeys.board(tenant, boardId), BoardItem.ENTITY, now);
  }

  /** The board with the index keys that list it under its project. */
  public static BoardItem indexed(TenantId tenant, BoardItem board) {
    return board.withIndex1(PmKeys.boardsOfProject(tenant, board.projectId()), board.id());
  }


  /** Adds the removal of a board read at its version; {@code onStale} if it changed since. */
  public void delete(WriteTransaction tx, TenantId tenant, BoardItem board,
      Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(PmKeys.board(tenant, board.id()), board.version(), onStale);
  }
}
