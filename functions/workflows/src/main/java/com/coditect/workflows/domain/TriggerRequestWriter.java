package com.coditect.workflows.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.TriggerReceiptRepository;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Asks once for an execution whose id is derived from its cause (an event, a schedule firing): the
 * receipt of that id and {@code execution.requested} in one transaction, so a redelivered cause
 * finds the receipt and asks for nothing.
 */
@Singleton
final class TriggerRequestWriter {

  /** The receipt was there: this cause asked before. */
  private static final class AlreadyRequested extends RuntimeException {
    AlreadyRequested() {
      super(null, null, false, false);
    }
  }

  private final TriggerReceiptRepository receipts;
  private final ExecutionRequests requests;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  TriggerRequestWriter(TriggerReceiptRepository receipts, ExecutionRequests requests, Transactions transactions,
      Clock clock) {
    this.receipts = receipts;
    this.requests = requests;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** True when it asked; false when the execution was asked for before (one transaction either way). */
  boolean requestOnce(TenantId tenant, Actor actor, String executionId, String workflowId, TriggerType type,
      JsonNode contextData, JsonNode triggerData) {
    Instant now = clock.instant();
    WriteTransaction tx = transactions.begin();
    receipts.markRequested(tx, tenant, workflowId, executionId, Timestamps.format(now), now.getEpochSecond(),
        AlreadyRequested::new);
    requests.request(tx, tenant, actor, executionId, workflowId, type, contextData, triggerData);
    try {
      tx.commit();
      return true;
    } catch (AlreadyRequested duplicate) {
      return false;
    }
  }
}
