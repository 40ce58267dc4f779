package com.coditect.workflows.api;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.data.WorkflowItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A workflow as the API shows it (its item's version is the ETag; {@code version} is the
 * definition's). {@code webhook_url} is present when it has a webhook trigger (a path until the
 * route makes it absolute); {@code webhook_secret} only in the one answer that made the secret.
 */
public record WorkflowResponse(String id, String name, String description, String workflowType, long version,
    String status, JsonNode definition, JsonNode triggers, String projectId, String createdBy, String createdAt,
    String updatedAt, String publishedAt, String webhookUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {

  public static final String HOOK_PATH = "/v1/hooks/workflows/";

  public static WorkflowResponse from(WorkflowItem item, boolean hasWebhook) {
    return new WorkflowResponse(item.id(), item.name(), item.description(), item.workflowType().apiName(),
        item.workflowVersion(), item.status().apiName(), parse(item.definition()), parse(item.triggers()),
        item.projectId(), item.createdBy(), item.createdAt(), item.updatedAt(), item.publishedAt(),
        hasWebhook ? HOOK_PATH + item.id() : null, null);
  }

  /** This workflow with the secret just made, for the answer that shows it. */
  public WorkflowResponse withWebhookSecret(String secret) {
    return new WorkflowResponse(id, name, description, workflowType, version, status, definition, triggers, projectId,
        createdBy, createdAt, updatedAt, publishedAt, webhookUrl, secret);
  }

  /** This workflow with its webhook URL at {@code origin} (scheme and host; empty: keep the path). */
  public WorkflowResponse atOrigin(String origin) {
    return webhookUrl == null || origin.isEmpty() || !webhookUrl.startsWith("/") ? this
        : new WorkflowResponse(id, name, description, workflowType, version, status, definition, triggers, projectId,
            createdBy, createdAt, updatedAt, publishedAt, origin + webhookUrl, webhookSecret);
  }

  private static JsonNode parse(String json) {
    try {
      return JsonText.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored workflow definition is not JSON", e);
    }
  }
}
