package com.coditect.workflows.domain;

import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.api.AnalysisFilters;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import com.coditect.workflows.data.WorkflowStatsRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A workflow's analysis for a period and version, answered from its day aggregates: the workflow
 * read (one GetItem, 404 for another tenant's or a deleted one) and the period's days (one Query).
 */
@Singleton
public final class AnalysisService {

  /** The period when none is asked for: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;
  /** The longest period one request may ask for, which keeps its one Query small. */
  static final int MAX_DAYS = 366;

  private final WorkflowRepository workflows;
  private final WorkflowStatsRepository stats;
  private final Clock clock;

  @Inject
  public AnalysisService(WorkflowRepository workflows, WorkflowStatsRepository stats, Clock clock) {
    this.workflows = workflows;
    this.stats = stats;
    this.clock = clock;
  }

  public AnalysisResponse analyse(Caller caller, String workflowId, AnalysisFilters filters) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = workflows.findLive(tenant, workflowId)
        .orElseThrow(() -> new NotFoundException("No workflow has this id."));
    LocalDate to = filters.to() != null ? filters.to()
        : filters.from() != null ? filters.from().plusDays(DEFAULT_DAYS - 1) : today();
    LocalDate from = filters.from() != null ? filters.from() : to.minusDays(DEFAULT_DAYS - 1);
    if (from.isAfter(to)) {
      throw UnprocessableException.forField("from", "must not be after to");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw UnprocessableException.forField("to", "the period may span at most " + MAX_DAYS + " days");
    }
    if (filters.version() != null && filters.version() > workflow.workflowVersion()) {
      throw UnprocessableException.forField("version", "the workflow has no version " + filters.version());
    }
    return period(tenant, workflow, filters.version(), from, to);
  }

  /** The analysis of one version ({@code version} null: all) from {@code from} to {@code to}. */
  AnalysisResponse period(TenantId tenant, WorkflowItem workflow, Long version, LocalDate from, LocalDate to) {
    var items = stats.period(tenant, workflow.id(), version, from.toString(), to.toString());
    return PeriodAnalysis.of(workflow.id(), version, from.toString(), to.toString(), items,
        nodeNames(definition(workflow.definition())));
  }

  /** The last {@link #DEFAULT_DAYS} days, today included. */
  LocalDate today() {
    return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** A stored definition's JSON; an unreadable one as an empty object (nothing to name or draw). */
  static JsonNode definition(String text) {
    try {
      return JsonText.parse(text);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }

  /** The definition's node ids and names, in its order. */
  static Map<String, String> nodeNames(JsonNode definition) {
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode node : definition.path("nodes")) {
      String id = node.path("id").asText("");
      if (!id.isEmpty()) {
        names.putIfAbsent(id, node.path("name").isTextual() ? node.path("name").asText() : id);
      }
    }
    return names;
  }
}
