package com.coditect.workflows.domain;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.api.CreateWorkflowRequest;
import com.coditect.workflows.api.UpdateWorkflowRequest;
import com.coditect.workflows.api.ValidationResponse;
import com.coditect.workflows.api.WorkflowFilters;
import com.coditect.workflows.api.WorkflowResponse;
import com.coditect.workflows.data.EventTriggerRepository;
import com.coditect.workflows.data.HookSecretItem;
import com.coditect.workflows.data.HookSecretRepository;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.data.WorkflowVersionRepository;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Workflow definitions and their lifecycle: draft, then active (published), paused, archived.
 * Every change is one transaction of the workflow (conditional on the version read), what its
 * triggers need kept with it (the event-trigger row, the webhook secret and its pointer), the
 * frozen version when one is made, and its {@code workflow.*} event carrying {@code
 * workflow_version}. Recurring schedules live outside the table: a publish makes them before its
 * transaction (and removes those it made if the transaction fails), an edit of an active
 * workflow's triggers replaces them after its transaction, and a pause, archive or delete removes
 * them after its transaction (a schedule left behind by a Scheduler failure there fires into a
 * workflow that is no longer active, which starts nothing).
 */
@Singleton
public final class WorkflowService {

  static final String RESOURCE = "workflow";
  private static final Log LOG = Log.forClass(WorkflowService.class);
  /** How long a rotated-out webhook secret is still honoured. */
  static final Duration PREVIOUS_SECRET_GRACE = Duration.ofHours(24);
  private static final Set<WorkflowStatus> PUBLISHED = EnumSet.of(WorkflowStatus.ACTIVE, WorkflowStatus.PAUSED);

  private final WorkflowRepository workflows;
  private final WorkflowVersionRepository versions;
  private final EventTriggerRepository eventTriggers;
  private final HookSecretRepository hooks;
  private final WorkflowSchedules schedules;
  private final HookSecrets secrets;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  WorkflowService(WorkflowRepository workflows, WorkflowVersionRepository versions,
      EventTriggerRepository eventTriggers, HookSecretRepository hooks, WorkflowSchedules schedules,
      HookSecrets secrets, Transactions transactions, Outbox outbox, Clock clock) {
    this.workflows = workflows;
    this.versions = versions;
    this.eventTriggers = eventTriggers;
    this.hooks = hooks;
    this.schedules = schedules;
    this.secrets = secrets;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** One page of the tenant's live workflows: one Query (see {@link WorkflowRepository#list}). */
  public ResultPage<WorkflowResponse> list(Caller caller, WorkflowFilters filters, PageRequest page) {
    return workflows.list(caller.tenantId(), filters.status(), filters.workflowType(), filters.projectId(), page)
        .map(WorkflowService::view);
  }

  public Versioned<WorkflowResponse> get(Caller caller, String workflowId) {
    WorkflowItem workflow = find(caller.tenantId(), workflowId);
    return new Versioned<>(view(workflow), workflow.version());
  }

  /**
   * A draft at version 1, stored as sent (only its size is a rule now); with a webhook trigger, its
   * secret too, shown in this answer only. One transaction.
   */
  public Created<WorkflowResponse> create(Caller caller, CreateWorkflowRequest request) {
    TenantId tenant = caller.tenantId();
    requireStorable(request.definition());
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    WorkflowItem workflow = WorkflowRepository.indexed(tenant, WorkflowItem.builder()
        .meta(WorkflowRepository.newMeta(tenant, id, now))
        .id(id)
        .name(request.name())
        .description(request.description())
        .workflowType(request.workflowType())
        .status(WorkflowStatus.DRAFT)
        .projectId(request.projectId())
        .definition(JsonText.write(request.definition()))
        .triggers(JsonText.write(request.triggers()))
        .workflowVersion(1L)
        .createdBy(caller.userId())
        .build());
    TriggerSettings settings = TriggerSettings.of(request.triggers());
    WriteTransaction tx = transactions.begin();
    workflows.create(tx, workflow, () -> new IllegalStateException("workflow id collision"));
    if (request.projectId() != null) {
      workflows.requireLiveProject(tx, tenant, request.projectId(), WorkflowService::projectNotFound);
    }
    String secret = settings.webhook() ? secrets.next() : null;
    if (secret != null) {
      hooks.put(tx, tenant, id, secret, null, null, now);
    }
    WorkflowResponse after = view(workflow);
    record(tx, tenant, caller.actor(), "workflow.created", null, after, workflow);
    tx.commit();
    return new Created<>("/v1/workflows/" + id, secret == null ? after : after.withWebhookSecret(secret),
        workflow.version());
  }

  /**
   * Changes the workflow's fields. A draft's definition and triggers change in place (version 1);
   * an active or paused workflow's must pass validation (422 with the problems), and make the next
   * version, frozen at once, so that running executions keep theirs. An archived workflow does not
   * change (409).
   */
  public Versioned<WorkflowResponse> update(Caller caller, String workflowId, Optional<Long> ifMatch,
      UpdateWorkflowRequest request) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = find(tenant, workflowId);
    Preconditions.checkIfMatch(ifMatch, workflow.version());
    if (workflow.status() == WorkflowStatus.ARCHIVED) {
      throw new ConflictException("An archived workflow does not change.",
          List.of(new FieldError("status", "is archived")));
    }
    JsonNode oldDefinition = parse(workflow.definition());
    JsonNode oldTriggers = parse(workflow.triggers());
    JsonNode definition = request.definition().isPresent() ? request.definition().value() : oldDefinition;
    JsonNode triggers = request.triggers().isPresent() ? request.triggers().value() : oldTriggers;
    boolean definitionChanged = !definition.equals(oldDefinition);
    boolean triggersChanged = !triggers.equals(oldTriggers);
    requireStorable(definition);
    boolean published = PUBLISHED.contains(workflow.status());
    if (published && (definitionChanged || triggersChanged)) {
      requireValid(definition, triggers);
    }
    TriggerSettings before = TriggerSettings.of(oldTriggers);
    TriggerSettings settings = TriggerSettings.of(triggers);
    if (request.rotateWebhookSecret() && !settings.webhook()) {
      throw UnprocessableException.forField("rotate_webhook_secret", "the workflow has no webhook trigger");
    }
    boolean newVersion = published && (definitionChanged || triggersChanged);
    String now = Timestamps.now(clock);
    WorkflowItem changed = WorkflowRepository.indexed(tenant, workflow
        .withName(request.name().orElse(workflow.name()))
        .withDescription(request.description().orElse(workflow.description()))
        .withWorkflowType(request.workflowType().orElse(workflow.workflowType()))
        .withProjectId(request.projectId().orElse(workflow.projectId()))
        .withDefinition(definitionChanged ? JsonText.write(definition) : workflow.definition())
        .withTriggers(triggersChanged ? JsonText.write(triggers) : workflow.triggers())
        .withWorkflowVersion(newVersion ? workflow.workflowVersion() + 1 : workflow.workflowVersion()));
    boolean issueSecret = settings.webhook() && !before.webhook();
    boolean dropSecret = before.webhook() && !settings.webhook();
    if (view(changed).equals(view(workflow)) && !request.rotateWebhookSecret()) {
      return new Versioned<>(view(workflow), workflow.version());
    }
    changed = changed.nextVersion(now);
    // A rotation reads the secret it rotates out: one GetItem more, only then.
    Optional<HookSecretItem> rotated = request.rotateWebhookSecret() && !issueSecret
        ? hooks.find(tenant, workflowId) : Optional.empty();

    WriteTransaction tx = transactions.begin();
    workflows.replace(tx, changed, workflow.version(), Preconditions.stale(ifMatch.isPresent()));
    if (request.projectId().isPresent() && changed.projectId() != null
        && !changed.projectId().equals(workflow.projectId())) {
      workflows.requireLiveProject(tx, tenant, changed.projectId(), WorkflowService::projectNotFound);
    }
    if (newVersion) {
      versions.freeze(tx, tenant, changed, caller.userId(), now);
    }
    if (workflow.status() == WorkflowStatus.ACTIVE && newVersion) {
      keepEventRow(tx, tenant, changed, settings, now);
    }
    String secret = null;
    if (issueSecret || request.rotateWebhookSecret()) {
      secret = secrets.next();
      String previous = rotated.map(HookSecretItem::secret).orElse(null);
      hooks.put(tx, tenant, workflowId, secret, previous,
          previous == null ? null : Timestamps.format(clock.instant().plus(PREVIOUS_SECRET_GRACE)), now);
    } else if (dropSecret) {
      hooks.remove(tx, tenant, workflowId);
    }
    WorkflowResponse after = view(changed);
    record(tx, tenant, caller.actor(), "workflow.updated", view(workflow), after, changed);
    tx.commit();
    if (workflow.status() == WorkflowStatus.ACTIVE
        && !before.scheduleExpressions().equals(settings.scheduleExpressions())) {
      // After the commit: the new schedules take the old ones' names (s-<w>-1...), so they cannot be made first.
      removeSchedules(workflowId, before);
      makeSchedules(tenant, workflowId, settings);
    }
    return new Versioned<>(secret == null ? after : after.withWebhookSecret(secret), changed.version());
  }

  /**
   * A soft delete: the workflow leaves every list and read, is archived so nothing starts it
   * again, and its trigger rows, webhook secret and schedules go. Its executions are kept as they
   * are: each reads its frozen version, so one still running runs to its end (cancel it to stop
   * it), and every execution stays readable by its id.
   */
  public void delete(Caller caller, String workflowId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = find(tenant, workflowId);
    Preconditions.checkIfMatch(ifMatch, workflow.version());
    String now = Timestamps.now(clock);
    WorkflowItem deleted = WorkflowRepository.indexed(tenant,
        workflow.withStatus(WorkflowStatus.ARCHIVED).softDeleted(now));
    TriggerSettings settings = TriggerSettings.of(workflow.triggers());
    WriteTransaction tx = transactions.begin();
    workflows.replace(tx, deleted, workflow.version(), Preconditions.stale(ifMatch.isPresent()));
    eventTriggers.remove(tx, tenant, workflowId);
    if (settings.webhook()) {
      hooks.remove(tx, tenant, workflowId);
    }
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(view(workflow), view(deleted)));
    changes.put("deleted_at", new FieldChange(null, now));
    outbox.recordWithDetail(tx, tenant, caller.actor(), "workflow.deleted", RESOURCE, workflowId, changes,
        extra(deleted));
    tx.commit();
    removeSchedules(workflowId, settings);
  }

  /** The static checks of the stored definition and triggers: one GetItem. */
  public ValidationResponse validate(Caller caller, String workflowId) {
    WorkflowItem workflow = find(caller.tenantId(), workflowId);
    return ValidationResponse.of(DefinitionValidator.validate(parse(workflow.definition()),
        parse(workflow.triggers())));
  }

  /**
   * Draft or paused to active, if the definition and triggers are valid (422 with the problems);
   * a draft's version is frozen now (a paused workflow's was when it was published or edited).
   * The event-trigger row is written with it; the recurring schedules after it commits.
   */
  public Versioned<WorkflowResponse> publish(Caller caller, String workflowId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = find(tenant, workflowId);
    Preconditions.checkIfMatch(ifMatch, workflow.version());
    if (workflow.status() != WorkflowStatus.DRAFT && workflow.status() != WorkflowStatus.PAUSED) {
      throw wrongState("publish", workflow, "a draft or paused");
    }
    requireValid(parse(workflow.definition()), parse(workflow.triggers()));
    TriggerSettings settings = TriggerSettings.of(workflow.triggers());
    String now = Timestamps.now(clock);
    // The schedules come first: a Scheduler that fails leaves the workflow as it was (nothing to
    // undo in the table), and one that made them before a failed commit has them removed again.
    List<String> made = makeSchedules(tenant, workflowId, settings);
    try {
      return transition(tenant, caller.actor(), workflow, ifMatch, "workflow.published",
          w -> w.withStatus(WorkflowStatus.ACTIVE).withPublishedAt(now), (changed, tx) -> {
            if (workflow.status() == WorkflowStatus.DRAFT) {
              versions.freeze(tx, tenant, changed, caller.userId(), now);
            }
            keepEventRow(tx, tenant, changed, settings, now);
          });
    } catch (RuntimeException failed) {
      // Unless a concurrent publish won (its schedules are these, by name), this one's go.
      boolean activeAnyway = workflows.find(tenant, workflowId)
          .filter(w -> !w.isDeleted() && w.status() == WorkflowStatus.ACTIVE).isPresent();
      if (!activeAnyway) {
        made.forEach(schedules::delete);
      }
      throw failed;
    }
  }

  /** Active to paused: nothing starts it until it is published again. */
  public Versioned<WorkflowResponse> pause(Caller caller, String workflowId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = find(tenant, workflowId);
    Preconditions.checkIfMatch(ifMatch, workflow.version());
    if (workflow.status() != WorkflowStatus.ACTIVE) {
      throw wrongState("pause", workflow, "an active");
    }
    Versioned<WorkflowResponse> paused = transition(tenant, caller.actor(), workflow, ifMatch, "workflow.paused",
        w -> w.withStatus(WorkflowStatus.PAUSED), (changed, tx) -> eventTriggers.remove(tx, tenant, workflowId));
    removeSchedules(workflowId, TriggerSettings.of(workflow.triggers()));
    return paused;
  }

  /** Any live state but archived to archived, for good: it is never published again. */
  public Versioned<WorkflowResponse> archive(Caller caller, String workflowId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    WorkflowItem workflow = find(tenant, workflowId);
    Preconditions.checkIfMatch(ifMatch, workflow.version());
    if (workflow.status() == WorkflowStatus.ARCHIVED) {
      throw wrongState("archive", workflow, "a draft, active or paused");
    }
    Versioned<WorkflowResponse> archived = transition(tenant, caller.actor(), workflow, ifMatch, "workflow.archived",
        w -> w.withStatus(WorkflowStatus.ARCHIVED), (changed, tx) -> eventTriggers.remove(tx, tenant, workflowId));
    removeSchedules(workflowId, TriggerSettings.of(workflow.triggers()));
    return archived;
  }

  // ---------------------------------------------------------------- parts

  private interface Extra {
    void add(WorkflowItem changed, WriteTransaction tx);
  }

  private Versioned<WorkflowResponse> transition(TenantId tenant, Actor actor, WorkflowItem workflow,
      Optional<Long> ifMatch, String action, UnaryOperator<WorkflowItem> change, Extra extra) {
    WorkflowItem changed = WorkflowRepository.indexed(tenant, change.apply(workflow)).nextVersion(Timestamps.now(clock));
    WriteTransaction tx = transactions.begin();
    workflows.replace(tx, changed, workflow.version(), Preconditions.stale(ifMatch.isPresent()));
    extra.add(changed, tx);
    WorkflowResponse after = view(changed);
    record(tx, tenant, actor, action, view(workflow), after, changed);
    tx.commit();
    return new Versioned<>(after, changed.version());
  }

  /** The event-trigger row of an active workflow: its current version and pattern, or none. */
  private void keepEventRow(WriteTransaction tx, TenantId tenant, WorkflowItem active, TriggerSettings settings,
      String now) {
    if (settings.eventPattern().isPresent()) {
      eventTriggers.put(tx, tenant, active.id(), active.workflowVersion(), settings.eventPattern().get(), now);
    } else {
      eventTriggers.remove(tx, tenant, active.id());
    }
  }

  /**
   * Makes the workflow's recurring schedules, all or none; answers the names this call made (not
   * those that existed).
   */
  private List<String> makeSchedules(TenantId tenant, String workflowId, TriggerSettings settings) {
    List<String> names = settings.scheduleNames(workflowId);
    List<String> made = new ArrayList<>();
    try {
      for (int i = 0; i < names.size(); i++) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode()
            .put("tenant_id", tenant.value())
            .put("workflow_id", workflowId);
        if (schedules.recurring(names.get(i), settings.scheduleExpressions().get(i), SCHEDULE_FIRED, detail)) {
          made.add(names.get(i));
        }
      }
      return made;
    } catch (RuntimeException failed) {
      // All or none: the ones this call made go again.
      made.forEach(schedules::delete);
      throw failed;
    }
  }

  /** The detail type of a scheduled trigger's event (source {@link WorkflowSchedules#SOURCE}). */
  public static final String SCHEDULE_FIRED = "schedule.fired";

  /**
   * Removes the workflow's recurring schedules after its change committed. A Scheduler failure here
   * does not fail the change that committed: a schedule left behind fires into a workflow that is
   * no longer active, which starts nothing, and deleting the workflow removes it again.
   */
  private void removeSchedules(String workflowId, TriggerSettings settings) {
    for (String name : settings.scheduleNames(workflowId)) {
      try {
        schedules.delete(name);
      } catch (RuntimeException e) {
        // The Scheduler's failure (domain code names no SDK type); logged, the change stands.
        LOG.error("workflow schedule not removed", e, "schedule", name);
      }
    }
  }

  private void record(WriteTransaction tx, TenantId tenant, Actor actor, String action, WorkflowResponse before,
      WorkflowResponse after, WorkflowItem changed) {
    outbox.recordWithDetail(tx, tenant, actor, action, RESOURCE, changed.id(), Changes.between(before, after),
        extra(changed));
  }

  private static Map<String, Object> extra(WorkflowItem workflow) {
    return Map.of("workflow_version", workflow.workflowVersion());
  }

  private WorkflowItem find(TenantId tenant, String workflowId) {
    return workflows.findLive(tenant, workflowId)
        .orElseThrow(() -> new NotFoundException("The workflow was not found."));
  }

  /** The view of a workflow without any secret: what events carry and reads answer. */
  static WorkflowResponse view(WorkflowItem workflow) {
    return WorkflowResponse.from(workflow, TriggerSettings.of(workflow.triggers()).webhook());
  }

  /** What no workflow may be, draft or not: too large to store and send. */
  private static void requireStorable(JsonNode definition) {
    DefinitionValidator.sizeProblem(definition).ifPresent(problem -> {
      throw invalid(List.of(problem));
    });
  }

  private static void requireValid(JsonNode definition, JsonNode triggers) {
    List<DefinitionProblem> problems = DefinitionValidator.validate(definition, triggers);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  /** 422 with every problem, each also as an error naming definition or triggers for generic clients. */
  private static UnprocessableException invalid(List<DefinitionProblem> problems) {
    List<FieldError> errors = problems.stream().map(p -> new FieldError(fieldOf(p), p.code()
        + (p.nodeId() == null ? "" : " at node " + p.nodeId()) + ": " + p.message())).toList();
    return new UnprocessableException("The workflow definition is not valid: " + problems.size() + " problem(s).",
        errors, Map.of("problems", problems));
  }

  private static String fieldOf(DefinitionProblem problem) {
    return problem.message().startsWith("triggers") || problem.code().contains("TRIGGER")
        || problem.code().equals("INVALID_SCHEDULE") || problem.code().equals("INVALID_EVENT_PATTERN")
        ? "triggers" : "definition";
  }

  private static ConflictException wrongState(String verb, WorkflowItem workflow, String allowed) {
    return new ConflictException("Only " + allowed + " workflow can " + verb + "; this one is "
        + workflow.status().apiName() + ".", List.of(new FieldError("status", "is " + workflow.status().apiName())));
  }

  private static UnprocessableException projectNotFound() {
    return UnprocessableException.forField("project_id", "must be a live project of the tenant");
  }

  private static JsonNode parse(String json) {
    try {
      return JsonText.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored workflow definition is not JSON", e);
    }
  }
}
