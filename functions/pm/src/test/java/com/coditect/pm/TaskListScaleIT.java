package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.api.TaskFields;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.data.TaskRows;
import com.coditect.pm.domain.Ranks;
import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A project with 1,000 tasks, listed by status, assignee, sprint and due date page by page: every
 * page is exactly one DynamoDB Query, and the pages together hold exactly the matching tasks.
 *
 * <p>The tasks are written straight into the table in the layout {@link TaskRows} defines (the
 * code every task write uses), in batches: creating 1,000 tasks through the API would only test
 * the create path 1,000 times, which TaskRoutesIT covers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListScaleIT {

  private static final int TASKS = 1000;
  private static final Instant FIRST_DUE = Instant.parse("2027-01-01T09:00:00Z");

  private PmApi api;
  private SeededTenant acme;
  private final List<TaskItem> tasks = new ArrayList<>();
  private List<String> assignees;
  private List<String> sprints;

  @BeforeAll
  void seedAThousandTasks() {
    api = new PmApi("task-scale");
    acme = api.env.seedTenant("BIG");
    TenantId tenant = new TenantId(acme.id());
    assignees = List.of(acme.ownerId(), acme.adminId(), acme.memberId());
    sprints = List.of(Ids.newId(), Ids.newId(), Ids.newId());
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      String id = Ids.newId();
      TaskItem task = TaskItem.builder()
          .meta(TaskRepository.newMeta(tenant, id, "2026-11-25T10:00:00.000Z"))
          .id(id)
          .key("BIG-" + (i + 1))
          .number((long) i + 1)
          .projectId(acme.projectId())
          .title("Task " + i)
          .taskType(TaskType.values()[i % TaskType.values().length])
          .status(TaskStatus.values()[i % TaskStatus.values().length])
          .priority(TaskPriority.values()[i % TaskPriority.values().length])
          .assigneeId(i % 4 == 3 ? null : assignees.get(i % 3))
          .sprintId(i % 5 == 4 ? null : sprints.get(i % 3))
          .dueDate(i % 7 == 6 ? null : FIRST_DUE.plus(i % 100, ChronoUnit.DAYS).toString().replace("Z", ".000Z"))
          .tags(List.of())
          .customFields("{}")
          .ancestorIds(List.of())
          .reporterId(acme.ownerId())
          .rank(Ranks.forNewTask(1_700_000_000_000L + i))
          .build();
      tasks.add(task);
      writes.add(put(TaskItem.SCHEMA.itemToMap(task, true)));
      TaskRows.of(tenant, task).forEach(row -> writes.add(put(TaskItem.SCHEMA.itemToMap(row, true))));
    }
    for (int start = 0; start < writes.size(); start += 25) {
      List<WriteRequest> batch = writes.subList(start, Math.min(start + 25, writes.size()));
      Map<String, List<WriteRequest>> pending = Map.of(api.env.tableName(), batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = api.env.dynamoDb().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void byStatus() {
    for (String status : TaskFields.STATUSES) {
      assertPagesHoldExactly(Map.of("status", status), task -> status.equals(task.status().apiName()));
    }
  }

  @Test
  void byAssignee() {
    for (String assignee : assignees) {
      assertPagesHoldExactly(Map.of("assignee_id", assignee), task -> assignee.equals(task.assigneeId()));
    }
  }

  @Test
  void bySprint() {
    for (String sprint : sprints) {
      assertPagesHoldExactly(Map.of("sprint_id", sprint), task -> sprint.equals(task.sprintId()));
    }
  }

  @Test
  void byDueDate() {
    String before = "2027-02-15";
    String after = "2027-03-01T00:00:00Z";
    assertPagesHoldExactly(Map.of("due_before", before),
        task -> task.dueDate() != null && task.dueDate().compareTo("2027-02-15T00:00:00.000Z") < 0);
    assertPagesHoldExactly(Map.of("due_after", after),
        task -> task.dueDate() != null && task.dueDate().compareTo("2027-03-01T00:00:00.000Z") > 0);
  }

  @Test
  void allOfThem() {
    assertPagesHoldExactly(Map.of(), task -> true);
  }

  @Test
  void aCombinationNarrowsTheFirstFiltersPartition() {
    assertPagesHoldExactly(Map.of("status", "todo", "assignee_id", assignees.get(1)),
        task -> "todo".equals(task.status().apiName()) && assignees.get(1).equals(task.assigneeId()));
  }

  /** Pages through with the largest page size: each page one Query, together exactly the expected tasks. */
  private void assertPagesHoldExactly(Map<String, String> filters, Predicate<TaskItem> expected) {
    Set<String> wanted = new HashSet<>();
    tasks.stream().filter(expected).forEach(task -> wanted.add(task.id()));
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> query = new LinkedHashMap<>(filters);
      query.put("limit", "100");
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      var event = HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", acme.projectId())
          .claims(acme.viewer());
      query.forEach(event::query);
      HandlerResponse page = api.call(event.build());
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls(), "page " + pages + " of " + filters);
      page.json().path("items").forEach(item -> assertTrue(seen.add(item.path("id").asText()), "a task twice"));
      cursor = page.json().path("next_cursor").asText(null);
      pages++;
    } while (cursor != null);
    assertEquals(wanted, seen, "tasks listed for " + filters);
    assertTrue(pages >= wanted.size() / 100, "pages of at most 100");
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(new HashMap<>(item)).build()).build();
  }
}
