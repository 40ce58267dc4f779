package com.coditect.dms.domain;

import com.coditect.dms.api.DocumentResponse;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.ApiException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A workflow's {@code dms.set_document_status} action: the document's status changed by the
 * lifecycle's rules (draft -> published -> archived, archived -> published), as the platform on the
 * tenant's behalf (the workflow was published by a contributor), and the answer to the workflow,
 * {@code step.resolved}, in the same transaction. A document already in the status is answered
 * without a change (a redelivered request changes nothing); a refused change is answered with
 * outcome {@code error} and the reason.
 */
@Singleton
public final class WorkflowDocumentStatus {

  private static final Log LOG = Log.forClass(WorkflowDocumentStatus.class);
  // "system:workflows/...": the workflows' event-trigger rule takes no change a workflow made, so
  // a workflow whose action creates what triggers it never starts itself again.
  private static final Actor WORKFLOWS = Actor.system("workflows/action");
  private static final int ATTEMPTS = 3;

  private final DocumentRepository documents;
  private final ActivityLog activity;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  WorkflowDocumentStatus(DocumentRepository documents, ActivityLog activity, Outbox outbox, Transactions transactions,
      Clock clock) {
    this.documents = documents;
    this.activity = activity;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Handles one {@code action.requested}: {@code params} hold {@code document_id} and {@code status}. */
  public void setRequested(TenantId tenant, String executionId, String stepId, String requestId, JsonNode params) {
    Optional<DocumentStatus> status = Choice.fromApiName(DocumentStatus.class, params.path("status").asText(""))
        .filter(wanted -> wanted != DocumentStatus.DELETED);
    if (status.isEmpty()) {
      answer(tenant, executionId, stepId, requestId, null, "params.status must be draft, published or archived.");
      return;
    }
    String documentId = params.path("document_id").asText("");
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<DocumentItem> found = documentId.isEmpty() ? Optional.empty()
          : documents.findAny(tenant, documentId).filter(document -> !document.isDeleted());
      if (found.isEmpty()) {
        answer(tenant, executionId, stepId, requestId, null, "The document was not found.");
        return;
      }
      DocumentItem document = found.get();
      if (document.status() == status.get()) {
        answer(tenant, executionId, stepId, requestId, document, null);
        return;
      }
      try {
        DocumentLifecycle.checkMove(document.status(), status.get());
      } catch (ApiException refused) {
        StringBuilder reason = new StringBuilder(refused.detail());
        refused.errors().forEach(error -> reason.append(" ").append(error.field()).append(": ").append(error.message()));
        answer(tenant, executionId, stepId, requestId, null, reason.toString());
        return;
      }
      String now = Timestamps.now(clock);
      DocumentItem after = document.withStatus(status.get()).nextVersion(now);
      WriteTransaction tx = transactions.begin();
      documents.replaceWithRows(tx, tenant, document, after, Changed::new);
      activity.add(tx, tenant, WORKFLOWS, document.id(), DocumentActivityAction.EDITED, now);
      outbox.record(tx, tenant, WORKFLOWS, "document.updated", VersionWrites.RESOURCE_TYPE, document.id(),
          DocumentResponse.from(document), DocumentResponse.from(after));
      record(tx, tenant, executionId, stepId, requestId, after, null);
      try {
        tx.commit();
        return;
      } catch (Changed raced) {
        LOG.info("document changed while its status was set; reading it again", "document_id", documentId);
      }
    }
    answer(tenant, executionId, stepId, requestId, null, "The document kept changing; its status was not set.");
  }

  private void answer(TenantId tenant, String executionId, String stepId, String requestId, DocumentItem document,
      String error) {
    WriteTransaction tx = transactions.begin();
    record(tx, tenant, executionId, stepId, requestId, document, error);
    tx.commit();
  }

  private void record(WriteTransaction tx, TenantId tenant, String executionId, String stepId, String requestId,
      DocumentItem document, String error) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("step_id", stepId);
    extra.put("request_id", requestId);
    extra.put("outcome", error == null ? "success" : "error");
    extra.put("output", document == null ? NullNode.instance : JsonNodeFactory.instance.objectNode()
        .put("document_id", document.id()).put("status", document.status().apiName()));
    extra.put("error_message", error);
    outbox.recordWithDetail(tx, tenant, WORKFLOWS, "step.resolved", "execution", executionId, Map.of(), extra);
  }

  /** The document changed between the read and the write. */
  private static final class Changed extends RuntimeException {
    Changed() {
      super("document changed", null, false, false);
    }
  }
}
