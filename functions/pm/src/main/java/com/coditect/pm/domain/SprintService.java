package com.coditect.pm.domain;

import com.coditect.pm.api.CompleteSprintRequest;
import com.coditect.pm.api.CreateSprintRequest;
import com.coditect.pm.api.SprintResponse;
import com.coditect.pm.api.UpdateSprintRequest;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.pm.data.SprintItem;
import com.coditect.pm.data.SprintRepository;
import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Sprints and their lifecycle: planned, then active (at most one per project), then completed; or
 * cancelled while still planned. Completing only records where the unfinished tasks go: the
 * {@code sprint.completed} event drives moving them, so the request stays at two calls.
 */
@Singleton
public final class SprintService {

  static final String MOVE_TARGET = "move_open_tasks_to_sprint_id";

  private final SprintRepository sprints;
  private final ProjectRepository projects;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Resource<SprintItem, SprintResponse> resource;

  @Inject
  SprintService(SprintRepository sprints, ProjectRepository projects, Clock clock, VersionedWriter writer, Transactions transactions,
      Outbox outbox) {
    this.sprints = sprints;
    this.projects = projects;
    this.clock = clock;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.resource = new Resource<>(sprints, SprintResponse::from, SprintItem::id, "sprint");
  }

  /**
   * A project's sprints by start date, optionally with one status: one Query (an empty first page
   * costs a GetItem more, to answer 404 for a project that is not the tenant's).
   */
  public ResultPage<SprintResponse> list(Caller caller, String projectId, Optional<SprintStatus> status,
      PageRequest page) {
    TenantId tenant = caller.tenantId();
    var items = status.isPresent()
        ? sprints.listByStatus(tenant, projectId, status.get(), page)
        : sprints.listByProject(tenant, projectId, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(SprintResponse::from);
  }

  public Versioned<SprintResponse> get(Caller caller, String sprintId) {
    SprintItem sprint = find(caller.tenantId(), sprintId);
    return new Versioned<>(SprintResponse.from(sprint), sprint.version());
  }

  /** A planned sprint in a live project, its name claimed in the project: one transaction. */
  public Created<SprintResponse> create(Caller caller, String projectId, CreateSprintRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    requireDateOrder(request.startDate(), request.endDate());
    String id = Ids.newId();
    SprintItem sprint = SprintRepository.indexed(tenant, SprintItem.builder()
        .meta(SprintRepository.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .projectId(projectId)
        .name(request.name())
        .goal(request.goal())
        .status(SprintStatus.PLANNED)
        .startDate(request.startDate().toString())
        .endDate(request.endDate().toString())
        .build());
    return writer.create(tenant, caller.actor(), resource, sprint, "/v1/sprints/" + sprint.id(), claim, tx -> {
      // The project check comes first, so a missing project is a 404 even if the name also clashes.
      projects.requireLive(tx, tenant, projectId, SprintService::projectNotFound);
      sprints.claimName(tx, tenant, sprint);
    });
  }

  /** Name, goal and dates; {@code status} only from planned to cancelled. A rename moves the name's sentinel. */
  public Versioned<SprintResponse> update(Caller caller, String sprintId, Optional<Long> ifMatch,
      UpdateSprintRequest request) {
    TenantId tenant = caller.tenantId();
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version());
    if (request.status().isPresent() && request.status().value() != sprint.status()
        && !(request.status().value() == SprintStatus.CANCELLED && sprint.status() == SprintStatus.PLANNED)) {
      throw UnprocessableException.forField("status", "can only change from planned to cancelled here (this sprint is "
          + sprint.status().apiName() + "); use start and complete for the rest of the lifecycle");
    }
    if (request.startDate().isPresent() || request.endDate().isPresent()) {
      requireDateOrder(request.startDate().orElse(LocalDate.parse(sprint.startDate())),
          request.endDate().orElse(LocalDate.parse(sprint.endDate())));
    }
    // The sentinel moves to the changed sprint's name; the name as read is the one released.
    return writer.update(tenant, caller.actor(), resource, sprint, ifMatch, "sprint.updated",
        s -> SprintRepository.indexed(tenant, s.withName(request.name().orElse(s.name()))
            .withGoal(request.goal().orElse(s.goal()))
            .withStartDate(request.startDate().map(LocalDate::toString).orElse(s.startDate()))
            .withEndDate(request.endDate().map(LocalDate::toString).orElse(s.endDate()))
            .withStatus(request.status().orElse(s.status()))),
        (changed, tx) -> sprints.moveName(tx, tenant, changed, sprint.name()));
  }

  /** Planned to active, claiming the project's one active-sprint sentinel in the same transaction. */
  public Versioned<SprintResponse> start(Caller caller, String sprintId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version());
    if (sprint.status() != SprintStatus.PLANNED) {
      throw UnprocessableException.forField("status", "only a planned sprint can start; this one is "
          + sprint.status().apiName());
    }
    return writer.update(tenant, caller.actor(), resource, sprint, ifMatch, "sprint.started",
        s -> SprintRepository.indexed(tenant, s.withStatus(SprintStatus.ACTIVE)),
        (changed, tx) -> sprints.claimActiveSlot(tx, tenant, changed, SprintService::anotherSprintIsActive));
  }

  /**
   * Active to completed, releasing the active-sprint sentinel. The event carries the project and
   * where the unfinished tasks go (null: the backlog), for the consumer that moves them.
   */
  public Versioned<SprintResponse> complete(Caller caller, String sprintId, Optional<Long> ifMatch,
      CompleteSprintRequest request) {
    TenantId tenant = caller.tenantId();
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version());
    if (sprint.status() != SprintStatus.ACTIVE) {
      throw UnprocessableException.forField("status", "only an active sprint can be completed; this one is "
          + sprint.status().apiName());
    }
    String target = request.moveOpenTasksToSprintId();
    if (sprint.id().equals(target)) {
      throw UnprocessableException.forField(MOVE_TARGET, "cannot be the sprint being completed");
    }
    SprintResponse before = SprintResponse.from(sprint);
    String now = Timestamps.now(clock);
    SprintItem completed = SprintRepository.indexed(tenant,
        sprint.withStatus(SprintStatus.COMPLETED).withCompletedAt(now).nextVersion(now));
    SprintResponse after = SprintResponse.from(completed);

    WriteTransaction tx = transactions.begin();
    sprints.replace(tx, completed, sprint.version(), Preconditions.stale(ifMatch.isPresent()));
    sprints.releaseActiveSlot(tx, tenant, sprint.projectId());
    if (target != null) {
      sprints.requireOpenInProject(tx, tenant, target, sprint.projectId(), () ->
          UnprocessableException.forField(MOVE_TARGET, "must be a planned or active sprint of the same project"));
    }
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(before, after));
    // Unchanged, so not in the diff; the task-moving consumer reads both from the event alone.
    changes.put("project_id", new FieldChange(sprint.projectId(), sprint.projectId()));
    changes.put(MOVE_TARGET, new FieldChange(null, target));
    outbox.record(tx, tenant, caller.actor(), "sprint.completed", resource.type(), sprint.id(), changes);
    tx.commit();
    return new Versioned<>(after, completed.version());
  }

  /**
   * Hard delete (the spec's sprint has no {@code deleted_at}): frees its name, and the project's
   * active slot if it held it. Its tasks return to the backlog through the {@code sprint.deleted} event.
   */
  public void delete(Caller caller, String sprintId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version());
    WriteTransaction tx = transactions.begin();
    sprints.delete(tx, tenant, sprint, Preconditions.stale(ifMatch.isPresent()));
    sprints.releaseName(tx, tenant, sprint);
    if (sprint.status() == SprintStatus.ACTIVE) {
      sprints.releaseActiveSlot(tx, tenant, sprint.projectId());
    }
    // A hard delete's changes hold every field's last value as "old", project_id included.
    outbox.record(tx, tenant, caller.actor(), "sprint.deleted", resource.type(), sprint.id(),
        SprintResponse.from(sprint), null);
    tx.commit();
  }

  private SprintItem find(TenantId tenant, String sprintId) {
    return sprints.find(tenant, sprintId).orElseThrow(() -> new NotFoundException("The sprint was not found."));
  }

  // A schema-valid body that breaks a rule of the data is a 422, as DESIGN.md section 7 and the fuzzer expect.
  private static void requireDateOrder(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw UnprocessableException.forField("end_date", "must not be before start_date (" + start + ")");
    }
  }

  private static ConflictException anotherSprintIsActive() {
    return new ConflictException("The project already has an active sprint; complete it before starting another.",
        List.of(new FieldError("status", "project already has an active sprint")));
  }

  private static NotFoundException projectNotFound() {
    return new NotFoundException("The project was not found.");
  }
}
