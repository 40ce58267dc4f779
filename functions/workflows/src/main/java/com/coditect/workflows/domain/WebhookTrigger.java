package com.coditect.workflows.domain;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.PayloadTooLargeException;
import com.coditect.shared.error.UnauthorizedException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.HookSecretItem;
import com.coditect.workflows.data.HookSecretRepository;
import com.coditect.workflows.data.TriggerReads;
import com.coditect.workflows.data.TriggerReceiptRepository;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.model.TriggerType;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The public webhook trigger: a call signed with the workflow's secret ({@link WebhookSignature})
 * asks for an execution of an active workflow that has a webhook trigger, its JSON body becoming
 * the execution's context and trigger data. A missing or wrong signature, a stale timestamp, a
 * replay or an unknown workflow are one and the same 401, so a prober cannot tell them apart, and
 * nothing starts; only a caller who signed correctly learns that the workflow cannot start (409).
 */
@Singleton
public final class WebhookTrigger {

  private static final Log LOG = Log.forClass(WebhookTrigger.class);
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The call as received: its signature headers, raw body and origin (for the event's actor). */
  public record Call(String timestamp, String signature, String body, String ip, String userAgent, String method,
      String route) {}

  private final HookSecretRepository hooks;
  private final TriggerReads reads;
  private final TriggerReceiptRepository receipts;
  private final ExecutionRequests requests;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  WebhookTrigger(HookSecretRepository hooks, TriggerReads reads, TriggerReceiptRepository receipts,
      ExecutionRequests requests, Transactions transactions, Clock clock) {
    this.hooks = hooks;
    this.reads = reads;
    this.receipts = receipts;
    this.requests = requests;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Accepts a call for {@code workflowId} and answers the id of the execution asked for: GetItem
   * (the webhook's tenant), BatchGetItem (its secret and workflow) and one transaction (the call's
   * receipt, refused if seen before, and {@code execution.requested}).
   */
  public String accept(String rawWorkflowId, Call call) {
    String workflowId = rawWorkflowId.toLowerCase(Locale.ROOT);
    byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
    if (body.length > ExecutionRequests.MAX_DATA_BYTES) {
      throw PayloadTooLargeException.forField("body", "must be at most " + ExecutionRequests.MAX_DATA_BYTES + " bytes");
    }
    Instant now = clock.instant();
    if (!UUID_SHAPE.matcher(workflowId).matches()) {
      throw refused();
    }
    TenantId tenant = new TenantId(hooks.tenantOfHook(workflowId).orElseThrow(WebhookTrigger::refused));
    TriggerReads.HookTarget target = reads.hookTarget(tenant, workflowId);
    HookSecretItem secret = target.secret().orElseThrow(WebhookTrigger::refused);
    WebhookSignature.Verified verified = WebhookSignature.verify(call.timestamp(), call.signature(), body,
        acceptedSecrets(secret, now), now).orElseThrow(WebhookTrigger::refused);
    WorkflowItem workflow = target.workflow().filter(found -> !found.isDeleted()).orElseThrow(WebhookTrigger::refused);
    if (workflow.status() != WorkflowStatus.ACTIVE) {
      throw ConflictException.forField("workflow_id", "the workflow is " + workflow.status().apiName()
          + ", not active: it starts no executions");
    }
    if (!hasWebhookTrigger(workflow)) {
      throw ConflictException.forField("workflow_id", "the workflow has no webhook trigger");
    }
    JsonNode data = objectBody(call.body());
    String executionId = Ids.newId();
    WriteTransaction tx = transactions.begin();
    receipts.markHookSeen(tx, tenant, workflowId, verified.digest(), executionId, Timestamps.format(now),
        now.getEpochSecond(), WebhookTrigger::refused);
    // The caller is nobody the tenant knows: the route, not the path, is what the audit log keeps.
    Actor sender = new Actor(null, call.ip(), call.userAgent(), call.method(), call.route());
    requests.request(tx, tenant, sender, executionId, workflowId, TriggerType.WEBHOOK, data, data);
    tx.commit();
    LOG.info("webhook accepted", "workflow_id", workflowId, "execution_id", executionId);
    return executionId;
  }

  private static List<String> acceptedSecrets(HookSecretItem secret, Instant now) {
    List<String> secrets = new ArrayList<>();
    if (!secret.secret().isEmpty()) {
      secrets.add(secret.secret());
    }
    String previous = secret.previousSecret();
    String until = secret.previousExpiresAt();
    if (previous != null && !previous.isEmpty() && until != null && Timestamps.parse(until).isAfter(now)) {
      secrets.add(previous);
    }
    return secrets;
  }

  private static boolean hasWebhookTrigger(WorkflowItem workflow) {
    try {
      for (JsonNode trigger : JsonText.parse(workflow.triggers())) {
        if (TriggerType.WEBHOOK.apiName().equals(trigger.path("type").asText())) {
          return true;
        }
      }
      return false;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored workflow's triggers are not JSON", e);
    }
  }

  private static JsonNode objectBody(String text) {
    try {
      JsonNode body = text.isBlank() ? null : JsonText.parse(text);
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw BadRequestException.forField("body", "must be a JSON object");
  }

  static UnauthorizedException refused() {
    return new UnauthorizedException("The call is not signed with the workflow's webhook secret, its timestamp is "
        + "more than 5 minutes off, it was sent before, or no workflow takes it.");
  }
}
