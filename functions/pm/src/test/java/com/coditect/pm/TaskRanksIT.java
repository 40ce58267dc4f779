package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.domain.Ranks;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Board order on moto: moving tasks to the top hundreds of times never runs out of ranks (the old
 * ranks threw on about the 325th move, a 500), and a spot crowded by placements is rebalanced in
 * the move's own write, the board keeping exactly the order the moves asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRanksIT {

  private PmApi api;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new PmApi("task-ranks");
    acme = api.env.seedTenant("RANK");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aTaskMovedToTheTop400TimesKeepsItsRankShortAndTheBoardItsOrder() {
    String project = api.env.seedProject(acme, "TOP");
    List<String> column = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      column.add(create(project, "task " + i));
    }
    String board = board(project);
    for (int move = 0; move < 400; move++) {
      // The bottom task goes to the top, above the current top task.
      String moving = column.remove(column.size() - 1);
      HandlerResponse moved = patch(moving, "{\"rank_before_task_id\":\"" + column.get(0) + "\"}");
      moved.assertStatus(200);
      column.add(0, moving);
      assertTrue(moved.text("rank").length() <= 10, "move " + move + ": " + moved.text("rank"));
    }
    assertEquals(column, todo(board));
  }

  @Test
  void aSpotCrowdedByPlacementsIsRebalancedInTheMoveAndTheOrderIsKept() {
    String project = api.env.seedProject(acme, "MID");
    List<String> column = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      column.add(create(project, "task " + i));
    }
    String board = board(project);
    String top = column.get(0);
    boolean rebalanced = false;
    for (int move = 0; move < 80; move++) {
      // The bottom task goes right below the top one, above the task that went there last.
      String moving = column.remove(column.size() - 1);
      HandlerResponse moved = patch(moving, "{\"rank_after_task_id\":\"" + top + "\",\"rank_before_task_id\":\""
          + column.get(1) + "\"}");
      moved.assertStatus(200);
      column.add(1, moving);
      assertTrue(Ranks.fits(moved.text("rank")), moved.text("rank"));
      if (moved.dynamoCalls().contains("Query")) {
        rebalanced = true;
        assertEquals(List.of("BatchGetItem", "Query", "TransactWriteItems"), moved.dynamoCalls());
      }
    }
    assertTrue(rebalanced, "eighty placements into one spot crowd it");
    assertEquals(column, todo(board));
    for (JsonNode task : todoTasks(board)) {
      assertTrue(task.path("rank").asText().length() <= Ranks.MAX_LENGTH, task.path("rank").asText());
      assertEquals(task.path("rank").asText(), get(task.path("id").asText()).text("rank"), "the task and its board row agree");
    }
  }

  @Test
  void listsLeaveTheRankToTheBoard() {
    String project = api.env.seedProject(acme, "LST");
    String id = create(project, "ranked");
    JsonNode listed = api.call(HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", project)
        .claims(acme.viewer()).build()).json().path("items").get(0);
    assertTrue(listed.path("rank").isNull(), "a task list is not in board order");
    assertEquals(get(id).text("rank"), todoTasks(board(project)).get(0).path("rank").asText());
  }

  private String create(String project, String title) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", project).claims(acme.member())
        .body("{\"title\":\"" + title + "\",\"status\":\"todo\"}").build());
    created.assertStatus(201);
    return created.text("id");
  }

  private HandlerResponse patch(String id, String body) {
    return api.call(HttpEvents.route("PATCH /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.member())
        .body(body).build());
  }

  private HandlerResponse get(String id) {
    return api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.viewer()).build());
  }

  private String board(String project) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/boards")
        .pathParam("project_id", project).claims(acme.member()).body("{\"name\":\"Board\"}").build());
    created.assertStatus(201);
    return created.text("id");
  }

  /** The todo column's tasks, in board order, from every page. */
  private List<JsonNode> todoTasks(String board) {
    List<JsonNode> tasks = new ArrayList<>();
    String cursor = null;
    do {
      var event = HttpEvents.route("GET /v1/boards/{board_id}").pathParam("board_id", board).claims(acme.viewer())
          .query("limit", "500");
      if (cursor != null) {
        event.query("cursor", cursor);
      }
      HandlerResponse page = api.call(event.build());
      page.assertStatus(200);
      page.json().path("columns").forEach(column -> {
        if ("todo".equals(column.path("id").asText())) {
          column.path("tasks").forEach(tasks::add);
        }
      });
      cursor = page.json().path("next_cursor").asText(null);
    } while (cursor != null);
    return tasks;
  }

  private List<String> todo(String board) {
    return todoTasks(board).stream().map(task -> task.path("id").asText()).toList();
  }
}
