package com.coditect.workflows.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Changes to workflows driven by other domains' events: the spec's SET_NULL of a workflow's project. */
@Singleton
public final class WorkflowFollowUps {

  static final Actor ACTOR = Actor.system("workflow-follow-ups");
  private static final int PAGE = 50;

  private final WorkflowRepository workflows;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  WorkflowFollowUps(WorkflowRepository workflows, Transactions transactions, Outbox outbox, Clock clock) {
    this.workflows = workflows;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Every live workflow of the deleted project loses its project, each in one transaction with its
   * {@code workflow.updated}. Idempotent: a workflow changed meanwhile is read again on the next
   * pass, and one that no longer names the project is left alone.
   */
  public int projectDeleted(TenantId tenant, String projectId) {
    int changed = 0;
    Optional<String> cursor = Optional.empty();
    do {
      ResultPage<WorkflowItem> page = workflows.list(tenant, Optional.empty(), Optional.empty(),
          Optional.of(projectId), new PageRequest(PAGE, cursor));
      for (WorkflowItem workflow : page.items()) {
        if (!projectId.equals(workflow.projectId())) {
          continue;
        }
        WorkflowItem unlinked = WorkflowRepository.indexed(tenant, workflow.withProjectId(null))
            .nextVersion(Timestamps.now(clock));
        WriteTransaction tx = transactions.begin();
        workflows.replace(tx, unlinked, workflow.version(), StaleWorkflow::new);
        outbox.recordWithDetail(tx, tenant, ACTOR, "workflow.updated", WorkflowService.RESOURCE, workflow.id(),
            Changes.between(WorkflowService.view(workflow), WorkflowService.view(unlinked)),
            Map.of("workflow_version", workflow.workflowVersion()));
        try {
          tx.commit();
          changed++;
        } catch (StaleWorkflow e) {
          // Changed meanwhile (an edit): the rule's retry of this event reads it again.
          throw new IllegalStateException("workflow " + workflow.id() + " changed while its project was unlinked", e);
        }
      }
      cursor = Optional.ofNullable(page.nextCursor());
    } while (cursor.isPresent());
    return changed;
  }

  private static final class StaleWorkflow extends RuntimeException {
    StaleWorkflow() {
      super(null, null, false, false);
    }
  }
}
