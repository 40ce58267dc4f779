package com.coditect.workflows;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.OutboxStreamRecords;
import com.coditect.shared.store.TableStream;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateRules;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.data.WorkflowVersionItem;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.event.ruler.Machine;

/**
 * The workflow events function on moto without the local runtime: the table's stream read on from
 * where it was last read, and each outbox event handed to {@link WorkflowEventsHandler} once for
 * every rule of template.yaml targeting that function that matches it (Event Ruler, as EventBridge
 * matches), until none is left. A rule wired to the wrong events shows here. Workflows are seeded as
 * the definitions part stores them (an active workflow and its frozen version).
 */
final class EngineHarness {

  private static final String HANDLER = WorkflowEventsHandler.class.getName() + "::";

  private final WorkflowsApi api;
  private final WorkflowEventsHandler events;
  private final TableStream stream;
  /** The stream's shards, each with the iterator to read on with (read once, at the first read). */
  private Map<String, String> shards;
  /** Every outbox event seen on the stream, oldest first. */
  final List<OutboxRecord> seen = new ArrayList<>();

  private final Machine rules = new Machine();

  EngineHarness(WorkflowsApi api) {
    this.api = api;
    for (TemplateRules.EventRule rule : new TemplateRules(CloudTemplate.load()).eventRules()) {
      if (rule.handler().startsWith(HANDLER)) {
        try {
          rules.addRule(rule.logicalId(), rule.pattern());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    this.events = api.component.eventsHandler();
    this.stream = new TableStream(api.env.dynamoDb(), api.env.streams(), api.env.tableName());
  }

  /** An active workflow (version 1, published) with {@code definition} (JSON, ' for "); returns its id. */
  String seedWorkflow(String tenantId, String definition) {
    return seedWorkflow(tenantId, definition, WorkflowStatus.ACTIVE);
  }

  String seedWorkflow(String tenantId, String definition, WorkflowStatus status) {
    String json = definition.replace('\'', '"');
    Json.readTree(json);
    TenantId tenant = new TenantId(tenantId);
    String id = Ids.newId();
    String now = "2026-12-03T10:00:00.000Z";
    WorkflowItem workflow = WorkflowItem.builder()
        .meta(ItemMeta.created(Key.builder().partitionValue(WorkflowKeys.workflowsPartition(tenant))
            .sortValue(WorkflowKeys.workflowSort(id)).build(), WorkflowItem.ENTITY, now))
        .id(id).name("Flow " + id).workflowType(WorkflowType.AUTOMATION).status(status)
        .definition(json).triggers("[{\"type\": \"manual\"}]").workflowVersion(1L).publishedAt(now)
        .build();
    WorkflowVersionItem version = WorkflowVersionItem.builder()
        .meta(ItemMeta.at(Key.builder().partitionValue(WorkflowKeys.workflowPartition(tenant, id))
            .sortValue(WorkflowKeys.versionSort(1)).build(), WorkflowVersionItem.ENTITY))
        .workflowId(id).workflowVersion(1L).definition(json).triggers("[{\"type\": \"manual\"}]").publishedAt(now)
        .build();
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(WorkflowItem.SCHEMA.itemToMap(workflow, true)));
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName())
        .item(WorkflowVersionItem.SCHEMA.itemToMap(version, true)));
    return id;
  }

  /** Delivers every new event the engine's rules take, and the events those make, until none is left; returns how many. */
  int pump() {
    int delivered = 0;
    for (List<OutboxRecord> batch = next(); !batch.isEmpty(); batch = next()) {
      for (OutboxRecord record : batch) {
        for (int match = rulesTaking(record); match > 0; match--) {
          deliver(record.source(), record.detailType(), Json.readTree(record.detail()));
          delivered++;
        }
      }
    }
    return delivered;
  }

  /**
   * The new events on the stream, without delivering them. moto's stream has its shards from the
   * start and a GetRecords answers everything after its iterator (up to 1000 records), so each shard
   * is read with one GetRecords, on with the iterator the last one handed back: moto's calls are what
   * make these tests slow.
   */
  List<OutboxRecord> next() {
    List<OutboxRecord> found = new ArrayList<>();
    if (shards == null) {
      String arn = stream.latestArn();
      shards = new LinkedHashMap<>();
      for (String shard : stream.shardIds(arn)) {
        shards.put(shard, api.env.streams().getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
      }
    }
    for (Map.Entry<String, String> shard : shards.entrySet()) {
      GetRecordsResponse page = api.env.streams().getRecords(r -> r.shardIterator(shard.getValue()));
      if (page.nextShardIterator() != null) {
        shard.setValue(page.nextShardIterator());
      }
      for (Record record : page.records()) {
        OutboxStreamRecords.fromSdk(record).ifPresent(found::add);
      }
    }
    seen.addAll(found);
    return found;
  }

  /** Hands one event to the engine as its rule would. */
  void deliver(String source, String detailType, JsonNode detail) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("detail", Json.newMapper().convertValue(detail, Map.class));
    events.handleRequest(envelope, null);
  }

  /** A timer firing, as EventBridge Scheduler would put it on the bus. */
  void fireTimer(String tenantId, String executionId, String stepId, String purpose) {
    deliver(WorkflowSchedules.SOURCE, "timer.fired", Json.readTree("{\"tenant_id\": \"" + tenantId
        + "\", \"execution_id\": \"" + executionId + "\", \"step_id\": \"" + stepId + "\", \"purpose\": \"" + purpose
        + "\", \"due_at\": \"2026-12-03T10:00:00.000Z\"}"));
  }

  /** The events seen so far with this detail type, oldest first. */
  List<JsonNode> seen(String detailType) {
    return seen(record -> record.detailType().equals(detailType));
  }

  List<JsonNode> seen(Predicate<OutboxRecord> which) {
    return seen.stream().filter(which).map(record -> Json.readTree(record.detail())).toList();
  }

  /** How many of the function's rules match the event as EventBridge would see it. */
  private int rulesTaking(OutboxRecord record) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("source", record.source());
    event.put("detail-type", record.detailType());
    event.set("detail", Json.readTree(record.detail()));
    try {
      return rules.rulesForJSONEvent(event.toString()).size();
    } catch (Exception e) {
      throw new AssertionError("event could not be matched: " + event, e);
    }
  }
}
