package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The field limits keep every task write inside DynamoDB's: the largest task the API accepts (a
 * 50,000-character description of four-byte characters, a 500-character title, 4 KB of custom
 * fields, 20 tags of 50 characters, ten levels deep) is written with no item over 400 KB and no
 * transaction over 4 MB, and the dearest PATCH (every field changed, every tag replaced, moved
 * under a parent ten levels deep) stays within 100 parts. One character more is a 400 naming the
 * field; what would still break a limit is TaskWriteLimits' 422 (TaskWriteLimitsTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskWriteLimitsIT {

  /** A character of four UTF-8 bytes (two UTF-16 chars, one code point): the dearest per character. */
  private static final String EMOJI = "\uD83D\uDE00";
  private static final String EURO = "\u20AC";

  private final AtomicInteger mostParts = new AtomicInteger();
  private WriteUnitMeter meter;
  private PmApi api;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new PmApi("task-write-limits", env -> {
      meter = new WriteUnitMeter(env.dynamoDb());
      return new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
          if (context.request() instanceof TransactWriteItemsRequest transaction) {
            mostParts.accumulateAndGet(transaction.transactItems().size(), Math::max);
          }
          meter.beforeExecution(context, attributes);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
          meter.afterExecution(context, attributes);
        }
      };
    });
    acme = api.env.seedTenant("MAX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void theLargestTaskTheApiAcceptsIsWrittenWithinDynamoDbsItemAndTransactionLimits() {
    String parent = nineLevelsDeep("big");
    meter.reset();
    ObjectNode body = largest(parent, "a");
    body.put("description", EMOJI.repeat(50_000));
    String id = create(body).text("id");
    // A description change carries both texts in its event: the euro sign keeps that event under
    // 400 KB until events carry long values as digests (the outbox's change).
    patch(id, PmApi.MAPPER.createObjectNode().put("description", EURO.repeat(50_000))).assertStatus(200);

    assertTrue(meter.largestItemBytes() <= ItemSize.MAX_ITEM_BYTES, meter.largestItemBytes() + " bytes in one item");
    assertTrue(meter.largestTransactionBytes() <= ItemSize.MAX_TRANSACTION_BYTES,
        meter.largestTransactionBytes() + " bytes in one transaction");
    assertEquals(EURO.repeat(50_000), get(id).text("description"));

    ObjectNode oneMore = largest(parent, "b");
    oneMore.put("description", EMOJI.repeat(50_001));
    HandlerResponse refused = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).claims(acme.member()).body(oneMore.toString()).build());
    refused.assertStatus(400);
    assertEquals(List.of("description"), refused.errorFields());
  }

  @Test
  void theDearestPatchStaysWithinAHundredParts() {
    String sprint = post("POST /v1/projects/{project_id}/sprints", PmApi.MAPPER.createObjectNode()
        .put("name", "Dear sprint").put("start_date", "2027-03-01").put("end_date", "2027-03-12"));
    String otherSprint = post("POST /v1/projects/{project_id}/sprints", PmApi.MAPPER.createObjectNode()
        .put("name", "Dearer sprint").put("start_date", "2027-03-15").put("end_date", "2027-03-26"));
    String milestone = post("POST /v1/projects/{project_id}/milestones", PmApi.MAPPER.createObjectNode()
        .put("title", "Dear milestone"));
    String otherMilestone = post("POST /v1/projects/{project_id}/milestones", PmApi.MAPPER.createObjectNode()
        .put("title", "Dearer milestone"));
    ObjectNode body = largest(nineLevelsDeep("dear"), "c").put("status", "todo").put("priority", "low")
        .put("task_type", "bug").put("assignee_id", acme.ownerId()).put("sprint_id", sprint)
        .put("milestone_id", milestone).put("story_points", 1).put("due_date", "2027-03-05T10:00:00Z");
    String id = create(body).text("id");
    String newParent = nineLevelsDeep("dearer");

    mostParts.set(0);
    ObjectNode everything = largest(newParent, "d").put("title", "Changed").put("description", "Changed")
        .put("status", "done").put("priority", "urgent").put("task_type", "feature").put("assignee_id", acme.adminId())
        .put("sprint_id", otherSprint).put("milestone_id", otherMilestone).put("story_points", 8)
        .put("due_date", "2027-03-20T10:00:00Z");
    everything.putObject("custom_fields").put("changed", true);
    patch(id, everything).assertStatus(200);
    assertTrue(mostParts.get() <= WriteTransaction.MAX_PARTS, mostParts.get() + " parts");
    assertTrue(mostParts.get() > 80, "it is the dearest: " + mostParts.get() + " parts");
  }

  /** Every field at its largest, under {@code parent}; tags made distinct by {@code variant}. */
  private static ObjectNode largest(String parent, String variant) {
    ObjectNode body = PmApi.MAPPER.createObjectNode().put("title", EMOJI.repeat(500)).put("parent_task_id", parent);
    ArrayNode tags = body.putArray("tags");
    for (int i = 0; i < 20; i++) {
      tags.add(String.format("%s%02d", variant, i) + "t".repeat(47));
    }
    // {"notes":"nnn..."}: 4,096 bytes of JSON exactly.
    body.putObject("custom_fields").put("notes", "n".repeat(4096 - 12));
    return body;
  }

  /** A task nine levels below a top-level task: a task under it sits at the deepest level allowed. */
  private String nineLevelsDeep(String name) {
    String parent = null;
    for (int level = 0; level < 10; level++) {
      ObjectNode body = PmApi.MAPPER.createObjectNode().put("title", name + " " + level);
      if (parent != null) {
        body.put("parent_task_id", parent);
      }
      parent = create(body).text("id");
    }
    return parent;
  }

  private HandlerResponse create(ObjectNode body) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).claims(acme.member()).body(body.toString()).build());
    created.assertStatus(201);
    return created;
  }

  private String post(String route, ObjectNode body) {
    HandlerResponse created = api.call(HttpEvents.route(route).pathParam("project_id", acme.projectId())
        .claims(acme.owner()).body(body.toString()).build());
    created.assertStatus(201);
    return created.text("id");
  }

  private HandlerResponse patch(String id, ObjectNode body) {
    return api.call(HttpEvents.route("PATCH /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.member())
        .body(body.toString()).build());
  }

  private HandlerResponse get(String id) {
    return api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.viewer()).build());
  }
}
