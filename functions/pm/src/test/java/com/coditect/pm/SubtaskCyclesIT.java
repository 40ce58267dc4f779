package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.data.PmKeys;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The subtask tree stays a tree: a move is checked against the real chain of parents (not the
 * ancestor paths, which the asynchronous refresh updates later), no deeper than ParentChain's
 * bound, and conditional on that chain in its write; the refresh walk ends even on a loop planted
 * in the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubtaskCyclesIT {

  /** Runs once, just before the function's next transaction: a concurrent writer's change. */
  private final AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();
  private PmApi api;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new PmApi("subtask-cycles", env -> new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Runnable concurrent = context.request() instanceof TransactWriteItemsRequest ? beforeNextWrite.getAndSet(null)
            : null;
        if (concurrent != null) {
          concurrent.run();
        }
      }
    });
    acme = api.env.seedTenant("TREE");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aMoveThatWouldCloseALoopIs422EvenRightAfterAnotherMoveWhoseRefreshHasNotRun() {
    String a = create("a", null);
    String b = create("b", a);
    String c = create("c", null);

    // A under C; the event that refreshes B's ancestor path is not delivered.
    HandlerResponse moved = patch(a, c);
    moved.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), moved.dynamoCalls(), "C is top-level: no chain to read");

    // C under B: B's stored path still says [A], but A now hangs under C.
    HandlerResponse loop = patch(c, b);
    loop.assertStatus(422);
    assertEquals(List.of("parent_task_id"), loop.errorFields());
    // One read for the chain B's path names (A), one for the step that path misses (C): nothing written.
    assertEquals(List.of("BatchGetItem", "GetItem", "GetItem"), loop.dynamoCalls());
    assertTrue(get(c).json().path("parent_task_id").isNull());
  }

  @Test
  void aMoveUnderANestedParentReadsItsChainOnceAndWritesOnce() {
    String top = create("top", null);
    String middle = create("middle", top);
    String parent = create("parent", middle);
    String task = create("task", null);

    HandlerResponse moved = patch(task, parent);
    moved.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "BatchGetItem", "TransactWriteItems"), moved.dynamoCalls());
    assertEquals(List.of("parent_task_id"), patch(top, task).errorFields(), "top is now above the task");
  }

  @Test
  void aConcurrentMoveAboveTheNewParentFailsTheMoveInsteadOfClosingALoop() {
    String grandparent = create("grandparent", null);
    String parent = create("parent", grandparent);
    String task = create("task", null);
    // Between this PATCH's read and its write, someone moves the grandparent under the task.
    beforeNextWrite.set(() -> setParent(grandparent, task));

    HandlerResponse moved = patch(task, parent);
    moved.assertStatus(409);
    assertTrue(get(task).json().path("parent_task_id").isNull(), "nothing was written");
  }

  @Test
  void aTaskSitsAtMostTenLevelsBelowItsTopLevelTask() {
    String deepest = create("level 0", null);
    for (int level = 1; level <= 10; level++) {
      deepest = create("level " + level, deepest);
    }
    HandlerResponse tooDeep = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).claims(acme.member())
        .body("{\"title\":\"level 11\",\"parent_task_id\":\"" + deepest + "\"}").build());
    tooDeep.assertStatus(422);
    assertEquals(List.of("parent_task_id"), tooDeep.errorFields());

    String loose = create("loose", null);
    assertEquals(List.of("parent_task_id"), patch(loose, deepest).errorFields());
    String levelNine = get(deepest).text("parent_task_id");
    patch(loose, levelNine).assertStatus(200);
  }

  @Test
  void theRefreshWalkEndsOnALoopPlantedInTheTable() {
    String a = create("a", null);
    String b = create("b", a);
    // Corrupt data no write allows: A under B while B is under A, A's row in B's subtasks.
    setParent(a, b);
    Map<String, AttributeValue> row = new LinkedHashMap<>(item(PmKeys.task(tenant(), a)));
    row.put("PK", AttributeValue.fromS(PmKeys.subtasks(tenant(), b)));
    row.put("SK", AttributeValue.fromS(a));
    row.put("entity_type", AttributeValue.fromS("TASK_ROW"));
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(row));

    int refreshed = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> api.component.taskFollowUps().taskReparented(tenant(), a));
    assertEquals(1, refreshed, "B once; A, where the walk began, not again");
  }

  private String create(String title, String parentId) {
    String parent = parentId == null ? "" : ",\"parent_task_id\":\"" + parentId + "\"";
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).claims(acme.member())
        .body("{\"title\":\"" + title + "\"" + parent + "}").build());
    created.assertStatus(201);
    return created.text("id");
  }

  private HandlerResponse patch(String taskId, String parentId) {
    return api.call(HttpEvents.route("PATCH /v1/tasks/{task_id}").pathParam("task_id", taskId).claims(acme.member())
        .body("{\"parent_task_id\":\"" + parentId + "\"}").build());
  }

  private HandlerResponse get(String taskId) {
    return api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", taskId).claims(acme.viewer())
        .build());
  }

  /** Sets a task's parent link in the table directly, as another writer (or corruption) would. */
  private void setParent(String taskId, String parentId) {
    api.env.dynamoDb().updateItem(u -> u.tableName(api.env.tableName())
        .key(PmKeys.task(tenant(), taskId).primaryKeyMap(UniqueItem.SCHEMA))
        .updateExpression("SET parent_task_id = :parent, version = version + :one")
        .expressionAttributeValues(Map.of(":parent", AttributeValue.fromS(parentId), ":one", AttributeValue.fromN("1"))));
  }

  private Map<String, AttributeValue> item(software.amazon.awssdk.enhanced.dynamodb.Key key) {
    return api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName()).key(key.primaryKeyMap(UniqueItem.SCHEMA)))
        .item();
  }

  private TenantId tenant() {
    return new TenantId(acme.id());
  }
}
