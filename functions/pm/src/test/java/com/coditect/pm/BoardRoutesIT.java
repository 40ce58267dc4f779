package com.coditect.pm;

import static com.coditect.pm.PmAsserts.withClaims;
import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.api.TaskFields;
import com.coditect.pm.data.BoardColumn;
import com.coditect.pm.data.BoardItem;
import com.coditect.pm.data.BoardRepository;
import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.model.BoardType;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.store.CursorCodec;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@code GET|POST /v1/projects/{project_id}/boards} and {@code GET|PATCH|DELETE /v1/boards/{board_id}}
 * on moto. Every role reads; owners, admins and members write. Until task writes exist, the tests
 * put the project's board rows (full task copies) directly, as the task transaction will.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardRoutesIT {

  private static final String NOT_A_UUID = "12345";
  private static final List<String> DEFAULT_COLUMN_IDS = List.of("todo", "in_progress", "in_review", "done");

  private PmApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new PmApi("boards");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/projects/{project_id}/boards

  @Test
  void memberCreatesKanbanBoardWithDefaultColumnsInOneTransaction() {
    HandlerResponse created = createBoard(acme.member(), acme.projectId(), "{\"name\":\"Team board\"}");

    assertEquals(201, created.status(), created.raw());
    String id = created.text("id");
    assertEquals("/v1/boards/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(acme.projectId(), created.text("project_id"));
    assertEquals("Team board", created.text("name"));
    assertEquals("kanban", created.text("board_type"));
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(DEFAULT_COLUMN_IDS, columnIds(created.json()));
    JsonNode todo = created.json().path("columns").get(0);
    assertEquals("To do", todo.path("name").asText());
    assertEquals(List.of("todo"), strings(todo.path("status_mapping")));
    assertEquals(0, todo.path("position").asInt());
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());
    assertEquals(List.of("board.created"), events(id));

    HandlerResponse read = getBoard(acme.viewer(), id);
    assertEquals(200, read.status(), read.raw());
    assertEquals("Team board", read.text("name"));
    assertEquals("\"1\"", read.header("ETag"));
  }

  @Test
  void createsBoardWithOwnColumnsSortedByPositionAndIdsFromNames() {
    HandlerResponse created = createBoard(acme.admin(), acme.projectId(), "{\"name\":\"Flow\",\"board_type\":\"custom\","
        + "\"columns\":["
        + "{\"name\":\"Shipped!\",\"status_mapping\":[\"done\",\"cancelled\"],\"position\":19},"
        + "{\"id\":\"qa\",\"name\":\"In QA\",\"status_mapping\":[\"in_review\"],\"position\":2},"
        + "{\"name\":\"In QA\",\"status_mapping\":[\"in_progress\"],\"position\":1},"
        + "{\"name\":\"In QA\",\"status_mapping\":[\"todo\"],\"position\":3},"
        + "{\"name\":\"  ***  \",\"status_mapping\":[\"backlog\"],\"position\":0}]}");

    assertEquals(201, created.status(), created.raw());
    assertEquals("custom", created.text("board_type"));
    JsonNode columns = created.json().path("columns");
    assertEquals(List.of("column", "in-qa", "qa", "in-qa-2", "shipped"), columnIds(created.json()));
    assertEquals(List.of(0, 1, 2, 3, 19), List.of(columns.get(0).path("position").asInt(),
        columns.get(1).path("position").asInt(), columns.get(2).path("position").asInt(),
        columns.get(3).path("position").asInt(), columns.get(4).path("position").asInt()));
    assertEquals(List.of("done", "cancelled"), strings(columns.get(4).path("status_mapping")));
    assertEquals("Shipped!", columns.get(4).path("name").asText());
  }

  @Test
  void twentyColumnsAreWellFormedButSixStatusesAllowAtMostSixColumns() {
    String project = api.env.seedProject(acme, "WIDE");
    // Each column maps at least one status and a status belongs to one column: with six statuses,
    // the seventh column onwards can only clash.
    HandlerResponse twenty = createBoard(acme.owner(), project, "{\"name\":\"Wide\",\"columns\":[" + columns(20) + "]}");
    List<String> clashing = unprocessable(twenty);
    assertEquals(14, clashing.size(), twenty.raw());
    assertEquals("columns[6].status_mapping", clashing.get(0));
    assertEquals("columns[19].status_mapping", clashing.get(13));
    assertEquals(List.of(), ids(listBoards(acme.owner(), project)));

    HandlerResponse six = createBoard(acme.owner(), project, "{\"name\":\"" + "b".repeat(255)
        + "\",\"columns\":[" + columns(6) + "]}");
    assertEquals(201, six.status(), six.raw());
    assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "c5"), columnIds(six.json()));
    assertEquals(255, six.text("name").length());
    assertEquals(100, six.json().path("columns").get(5).path("name").asText().length());
  }

  @Test
  void badBoardBodiesAre400NamingEachFieldAndWriteNothing() {
    String project = api.env.seedProject(acme, "BAD");
    Map<String, String> owner = acme.owner();
    String column = "{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}";
    assertEquals(List.of("body"), bad(createBoard(owner, project, "{\"name\":")));
    assertEquals(List.of("body"), bad(createBoard(owner, project, "[]")));
    assertEquals(List.of("name"), bad(createBoard(owner, project, "{}")));
    assertEquals(List.of("name"), bad(createBoard(owner, project, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(createBoard(owner, project, "{\"name\":7}")));
    assertEquals(List.of("name"), bad(createBoard(owner, project, "{\"name\":\" \"}")));
    assertEquals(List.of("name"), bad(createBoard(owner, project, "{\"name\":\"" + "n".repeat(256) + "\"}")));
    assertEquals(List.of("board_type"), bad(createBoard(owner, project, "{\"name\":\"B\",\"board_type\":\"list\"}")));
    assertEquals(List.of("board_type"), bad(createBoard(owner, project, "{\"name\":\"B\",\"board_type\":null}")));
    assertEquals(List.of("board_type"), bad(createBoard(owner, project, "{\"name\":\"B\",\"board_type\":1}")));
    assertEquals(List.of("columns"), bad(createBoard(owner, project, "{\"name\":\"B\",\"columns\":null}")));
    assertEquals(List.of("columns"), bad(createBoard(owner, project, "{\"name\":\"B\",\"columns\":{}}")));
    assertEquals(List.of("columns"), bad(createBoard(owner, project, "{\"name\":\"B\",\"columns\":[]}")));
    assertEquals(List.of("columns"), bad(createBoard(owner, project,
        "{\"name\":\"B\",\"columns\":[" + String.join(",", Collections.nCopies(21, column)) + "]}")));
    assertEquals(List.of("columns[1]"), bad(createBoard(owner, project,
        "{\"name\":\"B\",\"columns\":[" + column + ",\"todo\"]}")));
    assertEquals(List.of("owner_id"), bad(createBoard(owner, project, "{\"name\":\"B\",\"owner_id\":\"x\"}")));
    assertEquals(List.of("project_id"), bad(createBoard(owner, NOT_A_UUID, "{\"name\":\"B\"}")));

    Map<String, String> badColumns = new LinkedHashMap<>();
    badColumns.put("{\"id\":\"In QA\",\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].id");
    badColumns.put("{\"id\":\"-qa\",\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].id");
    badColumns.put("{\"id\":\"" + "q".repeat(51) + "\",\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}",
        "columns[0].id");
    badColumns.put("{\"id\":null,\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].id");
    badColumns.put("{\"id\":5,\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].id");
    badColumns.put("{\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].name");
    badColumns.put("{\"name\":\"\",\"status_mapping\":[\"todo\"],\"position\":0}", "columns[0].name");
    badColumns.put("{\"name\":\"" + "c".repeat(101) + "\",\"status_mapping\":[\"todo\"],\"position\":0}",
        "columns[0].name");
    badColumns.put("{\"name\":\"C\",\"position\":0}", "columns[0].status_mapping");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":null,\"position\":0}", "columns[0].status_mapping");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[],\"position\":0}", "columns[0].status_mapping");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":\"todo\",\"position\":0}", "columns[0].status_mapping");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\",\"doing\"],\"position\":0}",
        "columns[0].status_mapping[1]");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\",\"todo\"],\"position\":0}",
        "columns[0].status_mapping[1]");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[1],\"position\":0}", "columns[0].status_mapping[0]");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"]}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":null}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":-1}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":20}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":1.5}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":\"1\"}", "columns[0].position");
    badColumns.put("{\"name\":\"C\",\"status_mapping\":[\"todo\"],\"position\":0,\"tasks\":[]}", "columns[0].tasks");
    badColumns.forEach((bad, field) -> assertEquals(List.of(field),
        bad(createBoard(owner, project, "{\"name\":\"B\",\"columns\":[" + bad + "]}")), bad));
    // Errors of several columns are reported together, each naming its column.
    assertEquals(Set.of("columns[0].position", "columns[1].name"), Set.copyOf(bad(createBoard(owner, project,
        "{\"name\":\"B\",\"columns\":[{\"name\":\"A\",\"status_mapping\":[\"todo\"],\"position\":99},"
            + "{\"name\":7,\"status_mapping\":[\"done\"],\"position\":1}]}"))));

    assertEquals(List.of(), ids(listBoards(owner, project)), "a refused create must write nothing");
  }

  @Test
  void clashingColumnsAre422NamingTheLaterColumn() {
    String project = api.env.seedProject(acme, "CLASH");
    Map<String, String> owner = acme.owner();
    assertEquals(List.of("columns[2].id"), unprocessable(createBoard(owner, project, "{\"name\":\"B\",\"columns\":["
        + "{\"id\":\"a\",\"name\":\"A\",\"status_mapping\":[\"todo\"],\"position\":0},"
        + "{\"id\":\"b\",\"name\":\"B\",\"status_mapping\":[\"in_progress\"],\"position\":1},"
        + "{\"id\":\"a\",\"name\":\"C\",\"status_mapping\":[\"done\"],\"position\":2}]}")));
    assertEquals(List.of("columns[1].position"), unprocessable(createBoard(owner, project, "{\"name\":\"B\",\"columns\":["
        + "{\"name\":\"A\",\"status_mapping\":[\"todo\"],\"position\":4},"
        + "{\"name\":\"B\",\"status_mapping\":[\"done\"],\"position\":4}]}")));
    HandlerResponse twice = createBoard(owner, project, "{\"name\":\"B\",\"columns\":["
        + "{\"name\":\"A\",\"status_mapping\":[\"todo\",\"in_progress\"],\"position\":0},"
        + "{\"name\":\"B\",\"status_mapping\":[\"done\"],\"position\":1},"
        + "{\"name\":\"C\",\"status_mapping\":[\"in_review\",\"in_progress\"],\"position\":2}]}");
    assertEquals(List.of("columns[2].status_mapping"), unprocessable(twice));
    assertTrue(twice.raw().contains("in_progress"), twice.raw());
    // All clashes at once.
    assertEquals(Set.of("columns[1].id", "columns[1].position", "columns[1].status_mapping"),
        Set.copyOf(unprocessable(createBoard(owner, project, "{\"name\":\"B\",\"columns\":["
            + "{\"id\":\"x\",\"name\":\"A\",\"status_mapping\":[\"todo\"],\"position\":0},"
            + "{\"id\":\"x\",\"name\":\"B\",\"status_mapping\":[\"todo\"],\"position\":0}]}"))));
    assertEquals(List.of(), ids(listBoards(owner, project)), "a refused create must write nothing");
  }

  @Test
  void viewerAndRolesWithoutWriteAccessCannotCreateBoards() {
    HandlerResponse denied = createBoard(acme.viewer(), acme.projectId(), "{\"name\":\"Nope\"}");
    assertEquals(403, denied.status(), denied.raw());
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
    for (String role : List.of("billing", "auditor")) {
      String user = api.env.seedUser(acme.id(), role);
      HandlerResponse refused = createBoard(HttpEvents.claims(user, acme.id(), role), acme.projectId(), "{\"name\":\"Nope\"}");
      assertEquals(403, refused.status(), role + ": " + refused.raw());
    }
  }

  @Test
  void boardNeedsALiveProjectOfTheCallersTenant() {
    String theirs = api.env.seedProject(globex, "THEIRS");
    HandlerResponse foreign = createBoard(acme.owner(), theirs, "{\"name\":\"Theirs\"}");
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(List.of("TransactWriteItems"), foreign.dynamoCalls());
    assertEquals(404, createBoard(acme.owner(), UUID.randomUUID().toString(), "{\"name\":\"Nowhere\"}").status());

    String gone = api.env.seedProject(acme, "GONE");
    api.env.softDelete("T#" + acme.id() + "#PROJECT#" + gone, "PROJECT");
    assertEquals(404, createBoard(acme.owner(), gone, "{\"name\":\"Ghost\"}").status());

    HandlerResponse foreignList = listBoards(acme.owner(), theirs);
    assertEquals(404, foreignList.status(), "another tenant's project is unknown here: " + foreignList.raw());
    assertEquals(List.of("Query", "GetItem"), foreignList.dynamoCalls());
    assertEquals(List.of(), ids(listBoards(globex.owner(), theirs)), "nothing was written");
    assertEquals(404, listBoards(acme.owner(), gone).status());
  }

  @Test
  void idempotencyKeyReplaysTheBoardCreation() {
    String body = "{\"name\":\"Once\"}";
    String key = UUID.randomUUID().toString();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/projects/{project_id}/boards").claims(acme.member())
        .pathParam("project_id", acme.projectId()).header("Idempotency-Key", key).body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/projects/{project_id}/boards").claims(acme.member())
        .pathParam("project_id", acme.projectId()).header("Idempotency-Key", key).body(body).build());
    assertEquals(201, first.status(), first.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    assertEquals(201, again.status(), again.raw());
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());

    HandlerResponse other = api.call(HttpEvents.route("POST /v1/projects/{project_id}/boards").claims(acme.member())
        .pathParam("project_id", acme.projectId()).header("Idempotency-Key", key).body("{\"name\":\"Twice\"}").build());
    assertEquals(422, other.status(), other.raw());
    assertEquals(List.of("Idempotency-Key"), other.errorFields());
  }

  @Test
  void creatingBoardNeedsATenantToken() {
    HandlerResponse anonymous = createBoard(null, acme.projectId(), "{\"name\":\"Anon\"}");
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- GET /v1/projects/{project_id}/boards

  @Test
  void listsAProjectsBoardsOldestFirstInOneQuery() {
    String project = api.env.seedProject(acme, "LIST");
    String first = newBoard(acme.owner(), project, "First");
    String second = newBoard(acme.member(), project, "Second");
    String elsewhere = newBoard(acme.owner(), acme.projectId(), "Elsewhere");
    String theirs = newBoard(globex.owner(), globex.projectId(), "Theirs");

    HandlerResponse list = listBoards(acme.viewer(), project);
    assertEquals(List.of(first, second), ids(list));
    assertEquals(List.of("Query"), list.dynamoCalls());
    JsonNode item = list.json().path("items").get(0);
    assertEquals(DEFAULT_COLUMN_IDS, columnIds(item));
    assertEquals(project, item.path("project_id").asText());
    assertFalse(ids(listBoards(acme.owner(), acme.projectId())).contains(first));
    assertTrue(ids(listBoards(acme.owner(), acme.projectId())).contains(elsewhere));
    HandlerResponse foreign = listBoards(acme.owner(), globex.projectId());
    assertEquals(404, foreign.status(), "another tenant's project is unknown here: " + foreign.raw());
    assertFalse(foreign.raw().contains(theirs), "another tenant's boards are never listed");
  }

  @Test
  void pagingBoardsReturnsEachBoardOnceAndRefusesForeignCursors() {
    String project = api.env.seedProject(acme, "PAGE");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(newBoard(acme.owner(), project, "B" + i));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      HandlerResponse page = cursor == null ? listBoards(acme.owner(), project, "limit", "2")
          : listBoards(acme.owner(), project, "limit", "2", "cursor", cursor);
      assertEquals(List.of("Query"), page.dynamoCalls());
      assertTrue(page.json().path("items").size() <= 2);
      seen.addAll(ids(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
    } while (cursor != null);
    assertEquals(created, seen);

    String foreignCursor = listBoards(acme.owner(), project, "limit", "1").text("next_cursor");
    assertNotNull(foreignCursor);
    assertEquals(List.of("cursor"), bad(listBoards(globex.owner(), project, "cursor", foreignCursor)));
    assertEquals(List.of("cursor"), bad(listBoards(acme.owner(), acme.projectId(), "cursor", foreignCursor)));
    assertEquals(List.of("cursor"), bad(listBoards(acme.owner(), project, "cursor", "forged.cursor")));
    for (String limit : List.of("0", "101", "ten")) {
      assertEquals(List.of("limit"), bad(listBoards(acme.owner(), project, "limit", limit)), limit);
    }
    assertEquals(List.of("project_id"), bad(listBoards(acme.owner(), NOT_A_UUID)));
  }

  @Test
  void listingBoardsNeedsATenantToken() {
    HandlerResponse anonymous = listBoards(null, acme.projectId());
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- GET /v1/boards/{board_id}

  @Test
  void boardShowsTheProjectsTasksInTheirColumnsInRankOrderInTwoCalls() {
    String project = api.env.seedProject(acme, "SHOW");
    String other = api.env.seedProject(acme, "OTHER");
    String board = newBoard(acme.owner(), project, "Kanban");
    String todoLate = seedTask(acme, project, "SHOW-1", "todo", "t");
    String todoEarly = seedTask(acme, project, "SHOW-2", "todo", "m");
    String doing = seedTask(acme, project, "SHOW-3", "in_progress", "m");
    String done = seedTask(acme, project, "SHOW-4", "done", "a");
    String backlog = seedTask(acme, project, "SHOW-5", "backlog", "m");
    String cancelled = seedTask(acme, project, "SHOW-6", "cancelled", "m");
    String otherProjects = seedTask(acme, other, "OTHER-1", "todo", "a");

    HandlerResponse read = getBoard(acme.viewer(), board);
    assertEquals(200, read.status(), read.raw());
    assertEquals(List.of("GetItem", "Query"), read.dynamoCalls());
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals(DEFAULT_COLUMN_IDS, columnIds(read.json()));
    assertEquals(List.of(todoEarly, todoLate), taskIds(read, "todo"));
    assertEquals(List.of(doing), taskIds(read, "in_progress"));
    assertEquals(List.of(), taskIds(read, "in_review"));
    assertEquals(List.of(done), taskIds(read, "done"));
    assertTrue(read.json().path("next_cursor").isNull());
    String shown = read.raw();
    assertFalse(shown.contains(backlog) || shown.contains(cancelled), "statuses no column maps are not shown");
    assertFalse(shown.contains(otherProjects), "another project's rows never appear");

    JsonNode task = read.json().path("columns").get(0).path("tasks").get(0);
    assertEquals("SHOW-2", task.path("key").asText());
    assertEquals("todo", task.path("status").asText());
    assertEquals(project, task.path("project_id").asText());
  }

  @Test
  void columnsMappingSeveralAndSparseStatusesShowExactlyThoseStatuses() {
    String project = api.env.seedProject(acme, "SPARSE");
    HandlerResponse created = createBoard(acme.member(), project, "{\"name\":\"Ends\",\"columns\":["
        + "{\"id\":\"ideas\",\"name\":\"Ideas\",\"status_mapping\":[\"backlog\"],\"position\":0},"
        + "{\"id\":\"next\",\"name\":\"Next\",\"status_mapping\":[\"todo\"],\"position\":1},"
        + "{\"id\":\"closed\",\"name\":\"Closed\",\"status_mapping\":[\"done\",\"cancelled\"],\"position\":2}]}");
    assertEquals(201, created.status(), created.raw());
    String board = created.text("id");
    String idea = seedTask(acme, project, "SPARSE-1", "backlog", "m");
    String next = seedTask(acme, project, "SPARSE-2", "todo", "m");
    String doneTask = seedTask(acme, project, "SPARSE-3", "done", "m");
    String cancelledTask = seedTask(acme, project, "SPARSE-4", "cancelled", "m");
    String doing = seedTask(acme, project, "SPARSE-5", "in_progress", "m");
    String reviewing = seedTask(acme, project, "SPARSE-6", "in_review", "m");

    HandlerResponse read = getBoard(acme.owner(), board);
    assertEquals(200, read.status(), read.raw());
    assertEquals(List.of("GetItem", "Query"), read.dynamoCalls());
    assertEquals(List.of(idea), taskIds(read, "ideas"));
    assertEquals(List.of(next), taskIds(read, "next"));
    // Status by status (cancelled sorts before done), each in rank order.
    assertEquals(List.of(cancelledTask, doneTask), taskIds(read, "closed"));
    assertFalse(read.raw().contains(doing) || read.raw().contains(reviewing));
  }

  /**
   * The board Query's key condition spans the board's statuses from first to last in sort order:
   * rows of statuses outside the span are never read; unmapped statuses inside it are read and
   * dropped by the filter, which is sent only then. Checked on the Query itself (ScannedCount).
   */
  @Test
  void boardQueryReadsOnlyTheSpanOfItsStatuses() {
    String project = api.env.seedProject(acme, "SPAN");
    List<String> statuses = List.of("backlog", "todo", "in_progress", "in_review", "done", "cancelled");
    for (int i = 0; i < statuses.size(); i++) {
      seedTask(acme, project, "SPAN-" + (i + 1), statuses.get(i), "m");
    }
    QueryProbe probe = new QueryProbe();
    AppConfig config = api.env.appConfig();
    DynamoDbClient client = api.env.newDynamoDbClient(probe);
    BoardRepository repository = new BoardRepository(
        new SingleTable(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), client, config),
        new Queries(new CursorCodec(() -> AwsTestEnvironment.CURSOR_SIGNING_KEY)));
    TenantId tenant = new TenantId(acme.id());
    PageRequest page = new PageRequest(100, Optional.empty());

    BoardItem kanban = board(project, List.of("todo"), List.of("in_progress"), List.of("in_review"), List.of("done"));
    assertEquals(4, repository.taskRows(tenant, kanban, TaskFields.STATUSES, page).items().size());
    assertEquals(4, probe.scanned, "backlog and cancelled sort outside done..todo and are not read");
    assertNull(probe.filter);

    BoardItem middle = board(project, List.of("in_progress", "in_review"));
    assertEquals(2, repository.taskRows(tenant, middle, TaskFields.STATUSES, page).items().size());
    assertEquals(2, probe.scanned);
    assertNull(probe.filter);

    BoardItem ends = board(project, List.of("backlog"), List.of("todo"));
    assertEquals(2, repository.taskRows(tenant, ends, TaskFields.STATUSES, page).items().size());
    assertEquals(6, probe.scanned, "backlog..todo spans every status");
    assertNotNull(probe.filter);
  }

  @Test
  void boardTasksArePagedWithASignedCursorBoundToTheBoard() {
    String project = api.env.seedProject(acme, "PAGED");
    String board = newBoard(acme.owner(), project, "Paged");
    String twin = newBoard(acme.owner(), project, "Twin");
    List<String> expected = new ArrayList<>();
    for (String rank : List.of("a", "b", "c", "d", "e")) {
      expected.add(seedTask(acme, project, "PAGED-" + (expected.size() + 1), "todo", rank));
    }
    seedTask(acme, project, "PAGED-9", "backlog", "a");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HandlerResponse page = cursor == null ? getBoard(acme.owner(), board, "limit", "2")
          : getBoard(acme.owner(), board, "limit", "2", "cursor", cursor);
      assertEquals(200, page.status(), page.raw());
      assertEquals(List.of("GetItem", "Query"), page.dynamoCalls());
      List<String> tasks = taskIds(page, "todo");
      assertTrue(tasks.size() <= 2);
      seen.addAll(tasks);
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (pages == 0) {
        assertNotNull(cursor);
        assertEquals(List.of("cursor"), bad(getBoard(acme.owner(), twin, "cursor", cursor)),
            "a cursor is bound to its board");
        assertEquals(404, getBoard(globex.owner(), board, "cursor", cursor).status());
      }
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(expected, seen);

    assertEquals(5, taskIds(getBoard(acme.owner(), board, "limit", "500"), "todo").size());
    for (String limit : List.of("0", "501", "all", "1.5")) {
      assertEquals(List.of("limit"), bad(getBoard(acme.owner(), board, "limit", limit)), limit);
    }
    assertEquals(List.of("cursor"), bad(getBoard(acme.owner(), board, "cursor", "not.acursor")));
  }

  @Test
  void anotherTenantsBoardIsNotFound() {
    String theirs = newBoard(globex.owner(), globex.projectId(), "Secret");
    seedTask(globex, globex.projectId(), "GLOBEX-1", "todo", "m");
    HandlerResponse read = getBoard(acme.owner(), theirs);
    assertEquals(404, read.status(), read.raw());
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals(404, getBoard(acme.owner(), UUID.randomUUID().toString()).status());
    assertEquals(200, getBoard(globex.viewer(), theirs).status());
  }

  @Test
  void gettingBoardNeedsUuidAndToken() {
    assertEquals(List.of("board_id"), bad(getBoard(acme.owner(), NOT_A_UUID)));
    String board = newBoard(acme.owner(), acme.projectId(), "Token");
    HandlerResponse anonymous = getBoard(null, board);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- PATCH /v1/boards/{board_id}

  @Test
  void memberRenamesAndReplacesColumnsWithOptimisticLocking() {
    String project = api.env.seedProject(acme, "PATCH");
    HandlerResponse created = createBoard(acme.owner(), project, "{\"name\":\"Before\"}");
    String board = created.text("id");
    String etag = created.header("ETag");
    String review = seedTask(acme, project, "PATCH-1", "in_review", "m");

    HandlerResponse updated = patchBoard(acme.member(), board, etag, "{\"name\":\"After\",\"board_type\":\"scrum\","
        + "\"columns\":[{\"name\":\"Open\",\"status_mapping\":[\"todo\",\"in_progress\",\"in_review\"],\"position\":0},"
        + "{\"id\":\"shut\",\"name\":\"Shut\",\"status_mapping\":[\"done\"],\"position\":1}]}");
    assertEquals(200, updated.status(), updated.raw());
    assertEquals("After", updated.text("name"));
    assertEquals("scrum", updated.text("board_type"));
    assertEquals(List.of("open", "shut"), columnIds(updated.json()));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(created.text("created_at"), updated.text("created_at"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());
    assertEquals(List.of("board.created", "board.updated"), events(board));

    HandlerResponse read = getBoard(acme.viewer(), board);
    assertEquals(List.of(review), taskIds(read, "open"), "the new columns place the tasks");

    HandlerResponse stale = patchBoard(acme.owner(), board, etag, "{\"name\":\"Lost update\"}");
    assertEquals(412, stale.status(), stale.raw());
    HandlerResponse after = getBoard(acme.owner(), board);
    assertEquals("After", after.text("name"), "a refused update must change nothing");
    assertEquals("\"2\"", after.header("ETag"));
  }

  @Test
  void patchThatChangesNothingWritesNothing() {
    HandlerResponse created = createBoard(acme.owner(), acme.projectId(), "{\"name\":\"Same\"}");
    String board = created.text("id");
    HandlerResponse same = patchBoard(acme.owner(), board, null, "{\"name\":\"Same\",\"board_type\":\"kanban\"}");
    assertEquals(200, same.status(), same.raw());
    assertEquals("\"1\"", same.header("ETag"));
    assertEquals(List.of("GetItem"), same.dynamoCalls());
    assertEquals(List.of("board.created"), events(board));
  }

  @Test
  void badBoardPatchesAre400Or422NamingEachFieldAndChangeNothing() {
    String board = newBoard(acme.owner(), acme.projectId(), "Patchable");
    Map<String, String> owner = acme.owner();
    assertEquals(List.of("body"), bad(patchBoard(owner, board, null, "{oops}")));
    assertEquals(List.of("body"), bad(patchBoard(owner, board, null, "{}")));
    assertEquals(List.of("name"), bad(patchBoard(owner, board, null, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(patchBoard(owner, board, null, "{\"name\":\"\"}")));
    assertEquals(List.of("name"), bad(patchBoard(owner, board, null, "{\"name\":\"" + "n".repeat(256) + "\"}")));
    assertEquals(List.of("board_type"), bad(patchBoard(owner, board, null, "{\"board_type\":null}")));
    assertEquals(List.of("board_type"), bad(patchBoard(owner, board, null, "{\"board_type\":\"wall\"}")));
    assertEquals(List.of("columns"), bad(patchBoard(owner, board, null, "{\"columns\":null}")));
    assertEquals(List.of("columns"), bad(patchBoard(owner, board, null, "{\"columns\":[]}")));
    assertEquals(List.of("columns[0].status_mapping[0]"), bad(patchBoard(owner, board, null,
        "{\"columns\":[{\"name\":\"C\",\"status_mapping\":[\"open\"],\"position\":0}]}")));
    assertEquals(List.of("project_id"), bad(patchBoard(owner, board, null,
        "{\"project_id\":\"" + globex.projectId() + "\"}")));
    assertEquals(List.of("colour"), bad(patchBoard(owner, board, null, "{\"colour\":\"red\"}")));
    assertEquals(List.of("If-Match"), bad(patchBoard(owner, board, "v1", "{\"name\":\"N\"}")));
    assertEquals(List.of("board_id"), bad(patchBoard(owner, NOT_A_UUID, null, "{\"name\":\"N\"}")));
    assertEquals(List.of("columns[1].status_mapping"), unprocessable(patchBoard(owner, board, null,
        "{\"columns\":[{\"name\":\"A\",\"status_mapping\":[\"todo\"],\"position\":0},"
            + "{\"name\":\"B\",\"status_mapping\":[\"todo\"],\"position\":1}]}")));
    HandlerResponse after = getBoard(owner, board);
    assertEquals("\"1\"", after.header("ETag"), "a refused update must change nothing");
    assertEquals(DEFAULT_COLUMN_IDS, columnIds(after.json()));
  }

  @Test
  void viewerCannotUpdateBoardsAndOtherTenantsBoardsAreNotFound() {
    String board = newBoard(acme.member(), acme.projectId(), "Guarded");
    HandlerResponse denied = patchBoard(acme.viewer(), board, null, "{\"name\":\"Mine\"}");
    assertEquals(403, denied.status(), denied.raw());
    assertTrue(denied.dynamoCalls().isEmpty());

    String theirs = newBoard(globex.owner(), globex.projectId(), "Theirs to keep");
    HandlerResponse foreign = patchBoard(acme.owner(), theirs, null, "{\"name\":\"Ours\"}");
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(List.of("GetItem"), foreign.dynamoCalls());
    assertEquals("Theirs to keep", getBoard(globex.owner(), theirs).text("name"));
    assertEquals("Guarded", getBoard(acme.owner(), board).text("name"));

    HandlerResponse anonymous = patchBoard(null, board, null, "{\"name\":\"X\"}");
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- DELETE /v1/boards/{board_id}

  @Test
  void deleteRemovesTheBoardButNotTheProjectsTasks() {
    String project = api.env.seedProject(acme, "DEL");
    HandlerResponse created = createBoard(acme.member(), project, "{\"name\":\"Doomed\"}");
    String board = created.text("id");
    String kept = newBoard(acme.member(), project, "Kept");
    String task = seedTask(acme, project, "DEL-1", "todo", "m");

    HandlerResponse deleted = deleteBoard(acme.member(), board, created.header("ETag"));
    assertEquals(204, deleted.status(), deleted.raw());
    assertNull(deleted.json());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(List.of("board.created", "board.deleted"), events(board));

    assertEquals(404, getBoard(acme.owner(), board).status());
    assertEquals(List.of(kept), ids(listBoards(acme.owner(), project)));
    assertTrue(rawItem("T#" + acme.id() + "#BOARD#" + board, "BOARD").isEmpty(), "the board item is removed");
    assertEquals(404, patchBoard(acme.owner(), board, null, "{\"name\":\"Zombie\"}").status());
    assertEquals(404, deleteBoard(acme.owner(), board, null).status());
    assertEquals(List.of(task), taskIds(getBoard(acme.owner(), kept), "todo"), "the tasks stay");
  }

  @Test
  void deleteWithStaleIfMatchIs412AndDeletesNothing() {
    String board = newBoard(acme.owner(), acme.projectId(), "Stale delete");
    String etag = getBoard(acme.owner(), board).header("ETag");
    assertEquals(200, patchBoard(acme.owner(), board, null, "{\"name\":\"Moved on\"}").status());

    HandlerResponse stale = deleteBoard(acme.owner(), board, etag);
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(200, getBoard(acme.owner(), board).status(), "a refused delete must delete nothing");
    assertEquals(List.of("board.created", "board.updated"), events(board));
  }

  @Test
  void viewerCannotDeleteBoardsAndOtherTenantsBoardsAreNotFound() {
    String board = newBoard(acme.owner(), acme.projectId(), "Stays");
    HandlerResponse denied = deleteBoard(acme.viewer(), board, null);
    assertEquals(403, denied.status(), denied.raw());
    assertTrue(denied.dynamoCalls().isEmpty());

    String theirs = newBoard(globex.owner(), globex.projectId(), "Survivor");
    assertEquals(404, deleteBoard(acme.owner(), theirs, null).status());
    assertEquals(200, getBoard(globex.owner(), theirs).status());

    assertEquals(List.of("board_id"), bad(deleteBoard(acme.owner(), NOT_A_UUID, null)));
    assertEquals(List.of("If-Match"), bad(deleteBoard(acme.owner(), board, "one")));
    // A well-formed entity-tag this API never issued matches no version (RFC 9110): 412, not 400.
    deleteBoard(acme.owner(), board, "\"one\"").assertStatus(412);
    HandlerResponse anonymous = deleteBoard(null, board, null);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
    assertEquals(200, getBoard(acme.owner(), board).status());
    assertEquals(204, deleteBoard(acme.admin(), board, null).status());
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@code count} well-formed columns {@code c0, c1...} at positions 0, 1..., with names of the
   * longest length, mapping the six task statuses in turn.
   */
  private static String columns(int count) {
    List<String> statuses = List.of("backlog", "todo", "in_progress", "in_review", "done", "cancelled");
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < count; i++) {
      columns.append(i == 0 ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"name\":\"")
          .append("n".repeat(100)).append("\",\"status_mapping\":[\"").append(statuses.get(i % statuses.size()))
          .append("\"],\"position\":").append(i).append("}");
    }
    return columns.toString();
  }

  /** A board of {@code projectId} whose columns map the given statuses, for the repository alone. */
  @SafeVarargs
  private static BoardItem board(String projectId, List<String>... mappings) {
    String id = Ids.newId();
    List<BoardColumn> columns = new ArrayList<>();
    for (List<String> mapping : mappings) {
      columns.add(new BoardColumn("c" + columns.size(), "C", mapping, columns.size()));
    }
    // Never stored: the repository reads its id, project and columns; the rest is placeholder.
    return BoardItem.builder()
        .meta(ItemMeta.builder().pk("T#t#BOARD#" + id).sk(BoardItem.ENTITY).build())
        .id(id)
        .projectId(projectId)
        .name("Board")
        .boardType(BoardType.KANBAN)
        .columns(columns)
        .build();
  }

  /** Remembers the filter and the ScannedCount of the last Query. */
  private static final class QueryProbe implements ExecutionInterceptor {
    volatile String filter;
    volatile int scanned;

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof QueryRequest query && context.response() instanceof QueryResponse result) {
        filter = query.filterExpression();
        scanned = result.scannedCount();
      }
    }
  }

  /**
   * Puts a task's board row as the task transaction writes it (the task's row, with its rank, under
   * {@code <status>#<rank>#<id>} in the project's board-row partition); returns the task id.
   */
  private String seedTask(SeededTenant tenant, String projectId, String key, String status, String rank) {
    String id = Ids.newId();
    TaskItem task = TaskItem.builder()
        .meta(TaskRepository.newMeta(new TenantId(tenant.id()), id, "2026-01-01T00:00:00.000Z"))
        .id(id)
        .key(key)
        .number(Long.parseLong(key.substring(key.indexOf('-') + 1)))
        .projectId(projectId)
        .title("Task " + key)
        .taskType(com.coditect.pm.model.TaskType.TASK)
        .status(com.coditect.shared.domain.Choice.fromApiName(com.coditect.pm.model.TaskStatus.class, status)
            .orElseThrow())
        .priority(com.coditect.pm.model.TaskPriority.MEDIUM)
        .reporterId(tenant.ownerId())
        .tags(List.of("seeded"))
        .customFields("{\"estimate\":3}")
        .rank(rank)
        .build();
    TaskItem row = task.boardRowAt(PmKeys.boardRows(new TenantId(tenant.id()), projectId));
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(TaskItem.SCHEMA.itemToMap(row, true)));
    return task.id();
  }

  /** The actions of the outbox events about a resource, oldest first (a scan: tests only). */
  private List<String> events(String resourceId) {
    List<Map<String, AttributeValue>> items = api.env.dynamoDb().scan(b -> b.tableName(api.env.tableName())
        .filterExpression("entity_type = :outbox AND contains(detail, :id)")
        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
            ":id", AttributeValue.fromS("\"resource_id\":\"" + resourceId + "\"")))).items();
    return items.stream()
        .sorted(Comparator.comparing(item -> item.get("created_at").s()))
        .map(item -> item.get("detail_type").s())
        .toList();
  }

  private Map<String, AttributeValue> rawItem(String pk, String sk) {
    return api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  private static List<String> columnIds(JsonNode board) {
    List<String> ids = new ArrayList<>();
    board.path("columns").forEach(column -> ids.add(column.path("id").asText()));
    return ids;
  }

  /** The ids of the tasks in one column of a board read. */
  private static List<String> taskIds(HandlerResponse board, String columnId) {
    assertEquals(200, board.status(), board.raw());
    for (JsonNode column : board.json().path("columns")) {
      if (column.path("id").asText().equals(columnId)) {
        List<String> ids = new ArrayList<>();
        column.path("tasks").forEach(task -> ids.add(task.path("id").asText()));
        return ids;
      }
    }
    throw new AssertionError("no column " + columnId + " in " + board.raw());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private String newBoard(Map<String, String> claims, String projectId, String name) {
    HandlerResponse created = createBoard(claims, projectId, "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  private HandlerResponse createBoard(Map<String, String> claims, String projectId, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/projects/{project_id}/boards")
        .pathParam("project_id", projectId).body(body), claims).build());
  }

  private HandlerResponse listBoards(Map<String, String> claims, String projectId, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/projects/{project_id}/boards").pathParam("project_id", projectId),
        claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse getBoard(Map<String, String> claims, String boardId, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/boards/{board_id}").pathParam("board_id", boardId), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse patchBoard(Map<String, String> claims, String boardId, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/boards/{board_id}").pathParam("board_id", boardId).body(body),
        claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse deleteBoard(Map<String, String> claims, String boardId, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE /v1/boards/{board_id}").pathParam("board_id", boardId), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

}
