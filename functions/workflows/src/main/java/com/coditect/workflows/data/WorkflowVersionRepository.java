package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The frozen versions of a workflow: written once, when a version is published or made by an edit; read by executions. */
@Singleton
public final class WorkflowVersionRepository extends ItemRepository<WorkflowVersionItem> {

  @Inject
  public WorkflowVersionRepository(SingleTable table) {
    super(table, WorkflowVersionItem.SCHEMA);
  }

  /** One version of a workflow: one GetItem. */
  public Optional<WorkflowVersionItem> find(TenantId tenant, String workflowId, long version) {
    return Optional.ofNullable(table.getItem(WorkflowKeys.version(tenant, workflowId, version)));
  }

  /**
   * Adds the freezing of {@code workflow}'s current definition and triggers as its version; a
   * version is never written twice (the workflow's own conditional write makes that so, and this
   * part's condition says it).
   */
  public void freeze(WriteTransaction tx, TenantId tenant, WorkflowItem workflow, String publishedBy, String now) {
    WorkflowVersionItem frozen = WorkflowVersionItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.version(tenant, workflow.id(), workflow.workflowVersion()),
            WorkflowVersionItem.ENTITY, now))
        .workflowId(workflow.id())
        .workflowVersion(workflow.workflowVersion())
        .definition(workflow.definition())
        .triggers(workflow.triggers())
        .publishedBy(publishedBy)
        .publishedAt(now)
        .build();
    create(tx, frozen, () -> new IllegalStateException("workflow version frozen twice"));
  }
}
