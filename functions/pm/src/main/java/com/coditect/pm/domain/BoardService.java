package com.coditect.pm.domain;

import com.coditect.pm.api.BoardColumnWithTasksResponse;
import com.coditect.pm.api.BoardResponse;
import com.coditect.pm.api.BoardWithTasksResponse;
import com.coditect.pm.api.CreateBoardRequest;
import com.coditect.pm.api.TaskFields;
import com.coditect.pm.api.TaskSummaryResponse;
import com.coditect.pm.api.UpdateBoardRequest;
import com.coditect.pm.data.BoardColumn;
import com.coditect.pm.data.BoardItem;
import com.coditect.pm.data.BoardRepository;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.pm.data.TaskItem;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Boards: named columns over a project's tasks. Who may write (owners, admins, members) is checked
 * by the routes before anything is read; here are the rules of the board itself.
 */
@Singleton
public final class BoardService {

  private static final String TYPE = "board";

  private final BoardRepository boards;
  private final ProjectRepository projects;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Resource<BoardItem, BoardResponse> resource;

  @Inject
  BoardService(BoardRepository boards, ProjectRepository projects, Clock clock, VersionedWriter writer, Transactions transactions, Outbox outbox) {
    this.boards = boards;
    this.projects = projects;
    this.clock = clock;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.resource = new Resource<>(boards, BoardResponse::from, BoardItem::id, TYPE);
  }

  /**
   * A project's boards, oldest first: one Query. Only an empty first page costs a GetItem more, to
   * tell a project without boards from one that is not the tenant's (404).
   */
  public ResultPage<BoardResponse> list(Caller caller, String projectId, PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<BoardItem> items = boards.listByProject(tenant, projectId, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(BoardResponse::from);
  }

  /**
   * A board with one page of its tasks in their columns: the board (GetItem), then its project's
   * board rows (one Query). Two calls, because which project's rows to read is only known from the board.
   */
  public Versioned<BoardWithTasksResponse> getWithTasks(Caller caller, String boardId, PageRequest tasks) {
    TenantId tenant = caller.tenantId();
    BoardItem board = boards.find(tenant, boardId).orElseThrow(BoardService::notFound);
    ResultPage<TaskItem> rows = boards.taskRows(tenant, board, TaskFields.STATUSES, tasks);
    Map<String, String> columnOfStatus = new HashMap<>();
    Map<String, List<TaskSummaryResponse>> tasksOfColumn = new LinkedHashMap<>();
    for (BoardColumn column : board.columns()) {
      column.statusMapping().forEach(status -> columnOfStatus.put(status, column.id()));
      tasksOfColumn.put(column.id(), new ArrayList<>());
    }
    for (TaskItem row : rows.items()) {
      String column = columnOfStatus.get(row.status().apiName());
      // Rows arrive by status, then rank: each column keeps that order.
      if (column != null) {
        tasksOfColumn.get(column).add(TaskSummaryResponse.from(row));
      }
    }
    List<BoardColumnWithTasksResponse> columns = board.columns().stream()
        .map(column -> BoardColumnWithTasksResponse.of(column, tasksOfColumn.get(column.id())))
        .toList();
    return new Versioned<>(new BoardWithTasksResponse(board.id(), board.projectId(), board.name(), board.boardType().apiName(),
        columns, board.createdAt(), board.updatedAt(), rows.nextCursor()), board.version());
  }

  /** Creates a board in a live project of the tenant (else 404): one transaction. */
  public Created<BoardResponse> create(Caller caller, String projectId, CreateBoardRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    List<BoardColumn> columns = request.columns() == null
        ? BoardColumnRules.DEFAULT_KANBAN : BoardColumnRules.apply(request.columns());
    String id = Ids.newId();
    BoardItem board = BoardRepository.indexed(tenant, BoardItem.builder()
        .meta(BoardRepository.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .projectId(projectId)
        .name(request.name())
        .boardType(request.boardType())
        .columns(columns)
        .build());
    return writer.create(tenant, caller.actor(), resource, board, "/v1/boards/" + board.id(), claim,
        tx -> projects.requireLive(tx, tenant, projectId,
            () -> new NotFoundException("The project was not found.")));
  }

  /** Changes name, type or columns (the whole list): a GetItem, then one transaction. */
  public Versioned<BoardResponse> update(Caller caller, String boardId, Optional<Long> ifMatch,
      UpdateBoardRequest request) {
    List<BoardColumn> columns = request.columns().isPresent() ? BoardColumnRules.apply(request.columns().value()) : null;
    BoardItem board = boards.find(caller.tenantId(), boardId).orElseThrow(BoardService::notFound);
    return writer.update(caller.tenantId(), caller.actor(), resource, board, ifMatch, TYPE + ".updated",
        b -> b.withName(request.name().orElse(b.name()))
            .withBoardType(request.boardType().orElse(b.boardType()))
            .withColumns(columns != null ? columns : b.columns()));
  }

  /**
   * Removes the board (the spec keeps no deleted boards), conditional on the version read: a
   * GetItem, then one transaction with the {@code board.deleted} event. The tasks stay: they
   * belong to the project, not to the board.
   */
  public void delete(Caller caller, String boardId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    BoardItem board = boards.find(tenant, boardId).orElseThrow(BoardService::notFound);
    Preconditions.checkIfMatch(ifMatch, board.version());
    WriteTransaction tx = transactions.begin();
    boards.delete(tx, tenant, board, Preconditions.stale(ifMatch.isPresent()));
    outbox.record(tx, tenant, caller.actor(), TYPE + ".deleted", TYPE, board.id(), BoardResponse.from(board), null);
    tx.commit();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The board was not found.");
  }
}
