package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Project management through the local gateway, as a client sees it: a board showing tasks in
 * their columns, a task's history, milestone progress, and a sprint completed with its open work
 * handed to the next sprint (outbox -> stream -> bus -> rule -> PmEventsFunction).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PmEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private LocalApiHarness harness;
  private Tenant acme;
  private String token;
  private String project;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme PM");
    token = acme.ownerToken();
    project = harness.create("/v1/projects", token, "{\"key\":\"ENG\",\"name\":\"Engine\"}");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("PmEventsFunctionSprintOrMilestoneClosed")
  void boardHistoryProgressAndSprintCompletion() throws InterruptedException {
    String sprint = harness.create("/v1/projects/" + project + "/sprints", token,
        "{\"name\":\"Sprint 1\",\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-14\"}");
    String next = harness.create("/v1/projects/" + project + "/sprints", token,
        "{\"name\":\"Sprint 2\",\"start_date\":\"2026-12-15\",\"end_date\":\"2026-12-28\"}");
    String milestone = harness.create("/v1/projects/" + project + "/milestones", token, "{\"title\":\"Beta\"}");
    String board = harness.create("/v1/projects/" + project + "/boards", token, "{\"name\":\"Team\"}");
    harness.post("/v1/sprints/" + sprint + "/start", token, null).expect(200);

    List<String> tasks = new ArrayList<>();
    for (String title : List.of("Design", "Build", "Test", "Ship")) {
      tasks.add(harness.create("/v1/projects/" + project + "/tasks", token, "{\"title\":\"" + title
          + "\",\"status\":\"todo\",\"sprint_id\":\"" + sprint + "\",\"milestone_id\":\"" + milestone + "\"}"));
    }
    Response byKey = harness.get("/v1/tasks/ENG-1", token).expect(200);
    assertEquals(tasks.get(0), byKey.text("id"));

    // Work moves across the board; moving between columns is a status change.
    harness.patch("/v1/tasks/" + tasks.get(0), token, null, "{\"status\":\"done\"}").expect(200);
    harness.patch("/v1/tasks/" + tasks.get(1), token, null, "{\"status\":\"in_progress\"}").expect(200);
    harness.patch("/v1/tasks/" + tasks.get(3), token, null, "{\"rank_before_task_id\":\"" + tasks.get(2) + "\"}")
        .expect(200);

    JsonNode columns = harness.get("/v1/boards/" + board, token).expect(200).json().path("columns");
    assertEquals(List.of(tasks.get(3), tasks.get(2)), taskIds(column(columns, "todo")), "todo in rank order");
    assertEquals(List.of(tasks.get(1)), taskIds(column(columns, "in_progress")));
    assertEquals(List.of(tasks.get(0)), taskIds(column(columns, "done")));

    List<String> history = new ArrayList<>();
    harness.get("/v1/tasks/" + tasks.get(0) + "/activity", token).expect(200).json().path("items")
        .forEach(row -> history.add(row.path("action").asText() + ":" + row.path("field_changed").asText("")));
    assertTrue(history.containsAll(List.of("status_changed:status", "updated:completed_at")), history.toString());
    assertEquals("created:", history.get(history.size() - 1));

    assertEquals(25, harness.get("/v1/milestones/" + milestone, token).expect(200).json()
        .path("progress_percent").asInt(), "1 of 4 tasks done");

    harness.post("/v1/sprints/" + sprint + "/complete", token,
        "{\"move_open_tasks_to_sprint_id\":\"" + next + "\"}").expect(200);
    Instant deadline = Instant.now().plus(EVENTUALLY);
    List<String> moved;
    do {
      moved = ids(harness.get("/v1/projects/" + project + "/tasks?sprint_id=" + next, token).expect(200));
      if (moved.size() < 3) {
        Thread.sleep(200);
      }
    } while (moved.size() < 3 && Instant.now().isBefore(deadline));
    assertEquals(List.of(tasks.get(1), tasks.get(2), tasks.get(3)), moved, "open work went to the next sprint");
    assertEquals(List.of(tasks.get(0)),
        ids(harness.get("/v1/projects/" + project + "/tasks?sprint_id=" + sprint, token).expect(200)),
        "done work stays in the completed sprint");
    harness.post("/v1/sprints/" + next + "/start", token, null).expect(200);
  }

  private static JsonNode column(JsonNode columns, String status) {
    for (JsonNode column : columns) {
      for (JsonNode mapped : column.path("status_mapping")) {
        if (mapped.asText().equals(status)) {
          return column;
        }
      }
    }
    throw new AssertionError("no column maps " + status + ": " + columns);
  }

  private static List<String> taskIds(JsonNode column) {
    List<String> ids = new ArrayList<>();
    column.path("tasks").forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private static List<String> ids(Response page) {
    List<String> ids = new ArrayList<>();
    page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
