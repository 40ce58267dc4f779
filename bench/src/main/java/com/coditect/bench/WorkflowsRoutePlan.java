package com.coditect.bench;

import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.TableStream;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.WriteUnitMeter;
import com.coditect.workflows.ApprovalStepEvents;
import com.coditect.workflows.TestWorkflowsComponent;
import com.coditect.workflows.WorkflowEventsHandler;
import com.coditect.workflows.domain.ApprovalIds;
import com.coditect.workflows.domain.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * One representative request per workflows route (template.yaml's WorkflowsFunction), in an order
 * where each finds what it needs, counting the DynamoDB calls and write units of each.
 *
 * <p>The workflow is made and published through its own routes, with a manual and a webhook
 * trigger (so the create issues a secret and the webhook call can be signed with it). Its one
 * notification step evaluates {@code $number(context.n)}, which fails for the context the bench
 * starts it with: that gives a failed execution for the retry route. The engine's events are read
 * from the table's stream and handed to {@link WorkflowEventsHandler} as its rules would (not
 * counted). Approvals come from an approval step's {@code step.started} handed to the events
 * handler, as the approvals part's rule delivers it. Creates carry an {@code Idempotency-Key} and
 * changes an {@code If-Match} where the route takes one.
 */
final class WorkflowsRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  /** The events the engine's and the approvals' rules of template.yaml take from the workflows. */
  private static final Set<String> ENGINE_EVENTS = Set.of("execution.requested", "step.started", "step.resolved");
  private static final String SOURCE = "coditect.workflows";

  private final RouteCalls calls;
  private final TestWorkflowsComponent component;
  private final WorkflowEventsHandler events;
  private final TableStream stream;
  private final Map<String, String> readUpTo = new HashMap<>();

  WorkflowsRoutePlan(TestWorkflowsComponent component, AwsTestEnvironment env, DynamoDbCallCounter counter,
      WriteUnitMeter meter) {
    this.component = component;
    this.calls = new RouteCalls(component.handler(), counter, meter);
    this.events = component.eventsHandler();
    this.stream = new TableStream(env.dynamoDb(), env.streams(), env.tableName());
  }

  /** A draft workflow made through the route (not counted), e.g. the one the cold-start driver reads. */
  String createWorkflow(Map<String, String> claims, String name) {
    return calls.prepare("POST /v1/workflows", event -> event.claims(claims)
        .body(workflow(name, "[{\"type\": \"manual\"}]").toString())).text("id");
  }

  /**
   * A published workflow's execution run to its end by the engine (not counted), for the events
   * function's cold start: returns the execution's id and its first step's id.
   */
  List<String> finishedExecution(Map<String, String> owner) {
    ensureScheduleGroup();
    pending();
    Reply created = calls.prepare("POST /v1/workflows", event -> event.claims(owner)
        .body(workflow("Bench cold-start execution", "[{\"type\": \"manual\"}]").toString()));
    String workflowId = created.text("id");
    calls.prepare("POST /v1/workflows/{workflow_id}/publish", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", created.etag()));
    String executionId = calls.prepare("POST /v1/workflows/{workflow_id}/executions", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).body("{\"context_data\": {\"n\": 1}}")).text("id");
    pump();
    Reply finished = calls.prepare("GET /v1/executions/{execution_id}", event -> event.claims(owner)
        .pathParam("execution_id", executionId));
    if (!"completed".equals(finished.text("status"))) {
      throw new IllegalStateException("the bench's cold-start execution should have completed: " + finished.json());
    }
    return List.of(executionId, finished.json().path("steps").path(0).path("id").asText());
  }

  /** Sends one request per workflows route as the tenant's owner and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant) {
    calls.clear();
    ensureScheduleGroup();
    // Only what the plan's own requests put on the stream is the engine's to take.
    pending();
    Map<String, String> owner = tenant.owner();

    Reply created = call("POST /v1/workflows", event -> event.claims(owner).header("Idempotency-Key", key())
        .body(workflow("Bench approvals", "[{\"type\": \"manual\"}, {\"type\": \"webhook\"}]").toString()));
    String workflowId = created.text("id");
    String secret = created.text("webhook_secret");
    call("GET /v1/workflows", event -> event.claims(owner));
    Reply read = call("GET /v1/workflows/{workflow_id}", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId));
    Reply patched = call("PATCH /v1/workflows/{workflow_id}", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", read.etag())
        .body(body().put("description", "Measured by make bench").toString()));
    call("POST /v1/workflows/{workflow_id}/validate", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId));
    Reply published = call("POST /v1/workflows/{workflow_id}/publish", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", patched.etag()));

    // "n" is no number: the notification's expression fails, and with it the execution.
    Reply started = call("POST /v1/workflows/{workflow_id}/executions", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("Idempotency-Key", key())
        .body("{\"context_data\": {\"n\": \"not a number\"}}"));
    String executionId = started.text("id");
    call("GET /v1/workflows/{workflow_id}/executions", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId));
    Reply execution = call("GET /v1/executions/{execution_id}", event -> event.claims(owner)
        .pathParam("execution_id", executionId));
    Reply paused = call("POST /v1/executions/{execution_id}/pause", event -> event.claims(owner)
        .pathParam("execution_id", executionId).header("If-Match", execution.etag()));
    call("POST /v1/executions/{execution_id}/resume", event -> event.claims(owner)
        .pathParam("execution_id", executionId).header("If-Match", paused.etag()));
    pump();
    Reply failed = calls.prepare("GET /v1/executions/{execution_id}", event -> event.claims(owner)
        .pathParam("execution_id", executionId));
    if (!"failed".equals(failed.text("status"))) {
      throw new IllegalStateException("the bench's execution should have failed: " + failed.json());
    }
    call("POST /v1/executions/{execution_id}/retry", event -> event.claims(owner)
        .pathParam("execution_id", executionId).header("If-Match", failed.etag()));
    pump();

    String cancelledId = calls.prepare("POST /v1/workflows/{workflow_id}/executions", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).body("{\"context_data\": {\"n\": 1}}")).text("id");
    call("POST /v1/executions/{execution_id}/cancel", event -> event.claims(owner)
        .pathParam("execution_id", cancelledId));
    pump();

    // The public route has no claims: whoever holds the secret signs the body.
    String hook = "{\"order_id\": \"B-1\", \"amount_cents\": 129900}";
    long timestamp = Instant.now().getEpochSecond();
    call("POST /v1/hooks/workflows/{workflow_id}", event -> event.pathParam("workflow_id", workflowId)
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER,
            WebhookSignature.sign(secret, timestamp, hook.getBytes(StandardCharsets.UTF_8)))
        .body(hook));
    pump();

    call("GET /v1/workflows/{workflow_id}/analysis", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId));
    call("GET /v1/workflows/{workflow_id}/diagram", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).query("execution_id", executionId));

    // Two approval steps asking the owner: one approved, one rejected.
    String approvedStep = approvalStep(tenant, workflowId, executionId);
    String rejectedStep = approvalStep(tenant, workflowId, executionId);
    call("GET /v1/approvals", event -> event.claims(owner).query("approver_id", "me").query("status", "pending"));
    call("POST /v1/approvals/{approval_id}/approve", event -> event.claims(owner)
        .pathParam("approval_id", ApprovalIds.of(approvedStep, tenant.ownerId()))
        .body(body().put("comment", "Approved by make bench").toString()));
    call("POST /v1/approvals/{approval_id}/reject", event -> event.claims(owner)
        .pathParam("approval_id", ApprovalIds.of(rejectedStep, tenant.ownerId()))
        .body(body().put("comment", "Rejected by make bench").toString()));

    Reply pausedWorkflow = call("POST /v1/workflows/{workflow_id}/pause", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", published.etag()));
    Reply archived = call("POST /v1/workflows/{workflow_id}/archive", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", pausedWorkflow.etag()));
    call("DELETE /v1/workflows/{workflow_id}", event -> event.claims(owner)
        .pathParam("workflow_id", workflowId).header("If-Match", archived.etag()));
    return calls.counts();
  }

  /**
   * A running approval step of the execution asking the tenant's owner, announced as the engine
   * announces it ({@code step.started}); returns the step's id.
   */
  private String approvalStep(RoutePlan.Tenant tenant, String workflowId, String executionId) {
    String stepId = Ids.newId();
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.putObject("approvers").putArray("user_ids").add(tenant.ownerId());
    config.put("quorum", 1).put("expires_in", "PT48H");
    ObjectNode detail = ApprovalStepEvents.started(tenant.id(), workflowId, executionId, stepId, config, null);
    deliver("step.started", detail);
    return stepId;
  }

  /**
   * The bench's workflow: start, a notification whose message is an expression over the context,
   * end.
   */
  private static ObjectNode workflow(String name, String triggers) {
    ObjectNode workflow = body().put("name", name).put("workflow_type", "automation");
    workflow.set("definition", Json.readTree("""
        {"nodes": [{"id": "start", "type": "start", "name": "Start"},
                   {"id": "tell", "type": "notification", "name": "Tell",
                    "config": {"message": "=$string($number(context.n))"}},
                   {"id": "end", "type": "end", "name": "End"}],
         "edges": [{"from": "start", "to": "tell"}, {"from": "tell", "to": "end"}]}"""));
    workflow.set("triggers", Json.readTree(triggers));
    return workflow;
  }

  /** Hands every new workflows event the engine's rules take to the events handler, until none is left. */
  private void pump() {
    for (List<OutboxRecord> batch = pending(); !batch.isEmpty(); batch = pending()) {
      for (OutboxRecord record : batch) {
        if (SOURCE.equals(record.source()) && ENGINE_EVENTS.contains(record.detailType())) {
          deliver(record.detailType(), Json.readTree(record.detail()));
        }
      }
    }
  }

  /** The outbox events written to the table since the last read of its stream. */
  private List<OutboxRecord> pending() {
    List<OutboxRecord> found = new ArrayList<>();
    String arn = stream.latestArn();
    for (String shard : stream.shardIds(arn)) {
      for (List<TableStream.Change> changes = stream.readAfter(arn, shard, readUpTo.get(shard)); !changes.isEmpty();
          changes = stream.readAfter(arn, shard, readUpTo.get(shard))) {
        for (TableStream.Change change : changes) {
          readUpTo.put(shard, change.sequenceNumber());
          if (change.outbox() != null) {
            found.add(change.outbox());
          }
        }
      }
    }
    return found;
  }

  private void deliver(String detailType, Object detail) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("version", "0");
    envelope.put("id", Ids.newId());
    envelope.put("source", SOURCE);
    envelope.put("detail-type", detailType);
    envelope.put("detail", MAPPER.convertValue(detail, Map.class));
    events.handleRequest(envelope, null);
  }

  /** The template's WorkflowScheduleGroup, which the engine's timers are made in (moto starts without it). */
  private void ensureScheduleGroup() {
    try {
      component.scheduler().createScheduleGroup(b -> b.name(WorkflowsConfig.fromEnvironment().scheduleGroup()));
    } catch (ConflictException exists) {
      // made by an earlier run on the same moto server
    }
  }

  /** A measured request: its DynamoDB calls become a row of the table. */
  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
