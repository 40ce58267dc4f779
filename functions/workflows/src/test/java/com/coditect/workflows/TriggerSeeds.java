package com.coditect.workflows;

import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.EventTriggerItem;
import com.coditect.workflows.data.HookLookupItem;
import com.coditect.workflows.data.HookSecretItem;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What the definitions part writes when it publishes a workflow with triggers, written here as it
 * stores it (the workflow, its webhook's lookup and secret, its event-trigger row), and the
 * {@code execution.requested} events the triggers recorded, read back from the outbox.
 */
final class TriggerSeeds {

  private static final String NOW = "2026-12-03T21:00:00.000Z";

  private final WorkflowsApi api;

  TriggerSeeds(WorkflowsApi api) {
    this.api = api;
  }

  /** A workflow of the tenant in {@code status} with {@code triggers} (JSON array text). */
  String workflow(String tenantId, WorkflowStatus status, String triggers) {
    String id = Ids.newId();
    TenantId tenant = new TenantId(tenantId);
    put(WorkflowItem.SCHEMA, WorkflowItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.workflow(tenant, id), WorkflowItem.ENTITY, NOW))
        .id(id).name("Triggered " + id).workflowType(WorkflowType.AUTOMATION).status(status)
        .definition("{\"nodes\":[],\"edges\":[]}").triggers(triggers).workflowVersion(1L).build());
    return id;
  }

  /** The webhook's lookup and secret, as publishing writes them; {@code previous} may be null. */
  void webhook(String tenantId, String workflowId, String secret, String previous, String previousExpiresAt) {
    TenantId tenant = new TenantId(tenantId);
    put(HookLookupItem.SCHEMA, HookLookupItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.hookLookup(workflowId), HookLookupItem.ENTITY).withCreatedAt(NOW))
        .tenantId(tenantId).workflowId(workflowId).build());
    put(HookSecretItem.SCHEMA, HookSecretItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.hookSecret(tenant, workflowId), HookSecretItem.ENTITY, NOW))
        .workflowId(workflowId).secret(secret).previousSecret(previous).previousExpiresAt(previousExpiresAt).build());
  }

  /** The event-trigger row of an active workflow. */
  void eventTrigger(String tenantId, String workflowId, String pattern) {
    put(EventTriggerItem.SCHEMA, EventTriggerItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.eventTrigger(new TenantId(tenantId), workflowId), EventTriggerItem.ENTITY)
            .withCreatedAt(NOW))
        .workflowId(workflowId).workflowVersion(1L).pattern(pattern).build());
  }

  /** The {@code execution.requested} events recorded for {@code workflowId}, oldest first. */
  List<JsonNode> requested(String workflowId) {
    List<JsonNode> found = new ArrayList<>(api.env.outboxEvents().stream()
        .filter(e -> "execution.requested".equals(e.path("action").asText()))
        .filter(e -> workflowId.equals(e.path("workflow_id").asText())).toList());
    found.sort((a, b) -> a.path("occurred_at").asText().compareTo(b.path("occurred_at").asText()));
    return found;
  }

  private <T> void put(TableSchema<T> schema, T item) {
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(schema.itemToMap(item, true)));
  }
}
