package com.coditect.workflows.domain;

import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.api.DiagramFilters;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.ExecutionRepository.ExecutionWithSteps;
import com.coditect.workflows.data.ExecutionRepository;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import com.coditect.workflows.data.WorkflowVersionRepository;
import com.coditect.workflows.model.ExecutionStatus;
import java.time.LocalDate;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A workflow's diagram: its definition drawn as Mermaid text or as an SVG laid out by ELK,
 * coloured by the analysis of the last 30 days (all versions), and with {@code execution_id} the
 * path that execution took, on the definition of the version it runs. Reads: the workflow (one
 * GetItem), the period's aggregates (one Query), and for an execution its partition (one Query)
 * and, when it runs an older version, that version (one GetItem).
 */
@Singleton
public final class DiagramService {

  private final WorkflowRepository workflows;
  private final WorkflowVersionRepository versions;
  private final ExecutionRepository executions;
  private final AnalysisService analysis;

  @Inject
  public DiagramService(WorkflowRepository workflows, WorkflowVersionRepository versions,
      ExecutionRepository executions, AnalysisService analysis) {
    this.workflows = workflows;
    this.versions = versions;
    this.executions = executions;
    this.analysis = analysis;
  }

  public String draw(Caller caller, String workflowId, DiagramFilters filters) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = workflows.findLive(tenant, workflowId)
        .orElseThrow(() -> new NotFoundException("No workflow has this id."));
    String definition = workflow.definition();
    List<DiagramModel.StepState> steps = null;
    String currentNode = null;
    if (filters.executionId() != null) {
      ExecutionWithSteps found = executions.findWithSteps(tenant, filters.executionId())
          .filter(execution -> !execution.execution().isDeleted())
          .filter(execution -> execution.execution().workflowId().equals(workflowId))
          .orElseThrow(() -> NotFoundException.forField("execution_id", "no execution of this workflow has this id"));
      ExecutionItem execution = found.execution();
      if (!execution.workflowVersion().equals(workflow.workflowVersion())) {
        definition = versions.find(tenant, workflowId, execution.workflowVersion())
            .map(version -> version.definition()).orElse(definition);
      }
      steps = found.steps().stream().map(step -> new DiagramModel.StepState(step.stepId(), step.status())).toList();
      boolean active = execution.status() == ExecutionStatus.RUNNING || execution.status() == ExecutionStatus.PAUSED
          || execution.status() == ExecutionStatus.PENDING;
      currentNode = active ? execution.currentStep() : null;
    }
    LocalDate today = analysis.today();
    AnalysisResponse coloured = analysis.period(tenant, workflow, null,
        today.minusDays(AnalysisService.DEFAULT_DAYS - 1), today);
    DiagramModel model = DiagramModel.of(AnalysisService.definition(definition), coloured.steps(), steps, currentNode);
    return filters.format() == DiagramFilters.Format.MERMAID ? MermaidDiagram.write(model) : SvgDiagram.write(model);
  }

  /** Lays out a two-node diagram, in memory only: loads and initialises ELK's layout classes. */
  public void warmUp() {
    DiagramModel model = DiagramModel.of(AnalysisService.definition(
        "{\"nodes\": [{\"id\": \"a\", \"type\": \"start\"}, {\"id\": \"b\", \"type\": \"end\"}],"
            + " \"edges\": [{\"from\": \"a\", \"to\": \"b\", \"on\": \"error\"}]}"), List.of(), null, null);
    SvgDiagram.write(model);
  }
}
