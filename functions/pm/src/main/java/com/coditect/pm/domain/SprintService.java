package com.coditect.pm.domain;

import com.coditect.pm.api.SprintCompleteRequest;
import com.coditect.pm.api.SprintCreateRequest;
import com.coditect.pm.api.SprintResponse;
import com.coditect.pm.api.SprintUpdateRequest;
import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.pm.data.SprintItem;
import com.coditect.pm.data.SprintRepository;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sprints and their lifecycle: planned, then active (at most one per project), then completed; or
 * cancelled while still planned. Completing only records where the unfinished tasks go: the
 * {@code sprint.completed} event drives moving them, so the request stays at two calls.
 */
@Singleton
public final class SprintService {

  public static final String PLANNED = "planned";
  public static final String ACTIVE = "active";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";
  static final String MOVE_TARGET = "move_open_tasks_to_sprint_id";

  private static final Expression VALUE_IS_FREE =
      Expression.builder().expression("attribute_not_exists(PK)").build();

  private final SprintRepository sprints;
  private final ProjectRepository projects;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final DynamoDbTable<UniqueItem> sentinels;
  private final Resource<SprintItem, SprintResponse> resource;

  @Inject
  SprintService(SprintRepository sprints, ProjectRepository projects, Clock clock, VersionedWriter writer, Transactions transactions,
      Outbox outbox, SingleTable table) {
    this.sprints = sprints;
    this.projects = projects;
    this.clock = clock;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.sentinels = table.view(UniqueItem.SCHEMA);
    this.resource = new Resource<>(sprints, SprintResponse::from, s -> s.id, "sprint");
  }

  /**
   * A project's sprints by start date, optionally with one status: one Query (an empty first page
   * costs a GetItem more, to answer 404 for a project that is not the tenant's).
   */
  public ResultPage<SprintResponse> list(TenantId tenant, String projectId, Optional<String> status,
      PageRequest page) {
    var items = status.isPresent()
        ? sprints.listByStatus(tenant, projectId, status.get(), page)
        : sprints.listByProject(tenant, projectId, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(SprintResponse::from);
  }

  public Versioned<SprintResponse> get(TenantId tenant, String sprintId) {
    SprintItem sprint = find(tenant, sprintId);
    return new Versioned<>(SprintResponse.from(sprint), sprint.version);
  }

  /** A planned sprint in a live project, its name claimed in the project: one transaction. */
  public Created<SprintResponse> create(TenantId tenant, Actor actor, String projectId, SprintCreateRequest request,
      IdempotencyClaim claim) {
    requireDateOrder(request.startDate(), request.endDate());
    SprintItem sprint = new SprintItem();
    sprint.id = Ids.newId();
    sprint.stampNew(PmKeys.sprint(tenant, sprint.id), SprintItem.ENTITY, Timestamps.now(clock));
    sprint.projectId = projectId;
    sprint.name = request.name();
    sprint.goal = request.goal();
    sprint.status = PLANNED;
    sprint.startDate = request.startDate().toString();
    sprint.endDate = request.endDate().toString();
    SprintRepository.index(tenant, sprint);
    return writer.create(tenant, actor, resource, sprint, "/v1/sprints/" + sprint.id, claim,
        // The project check comes first, so a missing project is a 404 even if the name also clashes.
        tx -> tx.requireLive(CoreKeys.project(tenant, projectId), SprintService::projectNotFound)
            .claimUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, PmKeys.inProject(projectId, sprint.name), sprint.id,
                "name"));
  }

  /** Name, goal and dates; {@code status} only from planned to cancelled. A rename moves the name's sentinel. */
  public Versioned<SprintResponse> update(TenantId tenant, Actor actor, String sprintId, Optional<Long> ifMatch,
      SprintUpdateRequest request) {
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version);
    if (request.status().isPresent() && !request.status().value().equals(sprint.status)
        && !(CANCELLED.equals(request.status().value()) && PLANNED.equals(sprint.status))) {
      throw UnprocessableException.forField("status", "can only change from planned to cancelled here (this sprint is "
          + sprint.status + "); use start and complete for the rest of the lifecycle");
    }
    if (request.startDate().isPresent() || request.endDate().isPresent()) {
      requireDateOrder(request.startDate().orElse(LocalDate.parse(sprint.startDate)),
          request.endDate().orElse(LocalDate.parse(sprint.endDate)));
    }
    String oldName = sprint.name;
    return writer.update(tenant, actor, resource, sprint, ifMatch, "sprint.updated", s -> {
      s.name = request.name().orElse(s.name);
      s.goal = request.goal().orElse(s.goal);
      s.startDate = request.startDate().map(LocalDate::toString).orElse(s.startDate);
      s.endDate = request.endDate().map(LocalDate::toString).orElse(s.endDate);
      s.status = request.status().orElse(s.status);
      SprintRepository.index(tenant, s);
    }, (before, tx) -> moveName(tx, tenant, sprint, oldName));
  }

  /** Planned to active, claiming the project's one active-sprint sentinel in the same transaction. */
  public Versioned<SprintResponse> start(TenantId tenant, Actor actor, String sprintId, Optional<Long> ifMatch) {
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version);
    if (!PLANNED.equals(sprint.status)) {
      throw UnprocessableException.forField("status", "only a planned sprint can start; this one is " + sprint.status);
    }
    return writer.update(tenant, actor, resource, sprint, ifMatch, "sprint.started", s -> {
      s.status = ACTIVE;
      SprintRepository.index(tenant, s);
    }, (before, tx) -> tx.include(sentinels, activeSprintSentinel(tenant, sprint), VALUE_IS_FREE,
        SprintService::anotherSprintIsActive));
  }

  /**
   * Active to completed, releasing the active-sprint sentinel. The event carries the project and
   * where the unfinished tasks go (null: the backlog), for the consumer that moves them.
   */
  public Versioned<SprintResponse> complete(TenantId tenant, Actor actor, String sprintId, Optional<Long> ifMatch,
      SprintCompleteRequest request) {
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version);
    if (!ACTIVE.equals(sprint.status)) {
      throw UnprocessableException.forField("status", "only an active sprint can be completed; this one is "
          + sprint.status);
    }
    String target = request.moveOpenTasksToSprintId();
    if (sprint.id.equals(target)) {
      throw UnprocessableException.forField(MOVE_TARGET, "cannot be the sprint being completed");
    }
    long readVersion = sprint.version;
    SprintResponse before = SprintResponse.from(sprint);
    String now = Timestamps.now(clock);
    sprint.status = COMPLETED;
    sprint.completedAt = now;
    sprint.updatedAt = now;
    sprint.version = readVersion + 1;
    SprintRepository.index(tenant, sprint);
    SprintResponse after = SprintResponse.from(sprint);

    WriteTransaction tx = transactions.begin();
    sprints.replace(tx, sprint, readVersion, Preconditions.stale(ifMatch.isPresent()));
    tx.releaseUnique(tenant, PmKeys.UNIQUE_ACTIVE_SPRINT, sprint.projectId);
    if (target != null) {
      tx.require(PmKeys.sprint(tenant, target), openSprintOfProject(sprint.projectId), () ->
          UnprocessableException.forField(MOVE_TARGET, "must be a planned or active sprint of the same project"));
    }
    Map<String, FieldChange> changes = new LinkedHashMap<>(Changes.between(before, after));
    // Unchanged, so not in the diff; the task-moving consumer reads both from the event alone.
    changes.put("project_id", new FieldChange(sprint.projectId, sprint.projectId));
    changes.put(MOVE_TARGET, new FieldChange(null, target));
    outbox.record(tx, tenant, actor, "sprint.completed", resource.type(), sprint.id, changes);
    tx.commit();
    return new Versioned<>(after, sprint.version);
  }

  /**
   * Hard delete (the spec's sprint has no {@code deleted_at}): frees its name, and the project's
   * active slot if it held it. Its tasks return to the backlog through the {@code sprint.deleted} event.
   */
  public void delete(TenantId tenant, Actor actor, String sprintId, Optional<Long> ifMatch) {
    SprintItem sprint = find(tenant, sprintId);
    Preconditions.checkIfMatch(ifMatch, sprint.version);
    WriteTransaction tx = transactions.begin()
        .deleteVersioned(PmKeys.sprint(tenant, sprint.id), sprint.version, Preconditions.stale(ifMatch.isPresent()))
        .releaseUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, PmKeys.inProject(sprint.projectId, sprint.name));
    if (ACTIVE.equals(sprint.status)) {
      tx.releaseUnique(tenant, PmKeys.UNIQUE_ACTIVE_SPRINT, sprint.projectId);
    }
    // A hard delete's changes hold every field's last value as "old", project_id included.
    outbox.record(tx, tenant, actor, "sprint.deleted", resource.type(), sprint.id, SprintResponse.from(sprint), null);
    tx.commit();
  }

  private SprintItem find(TenantId tenant, String sprintId) {
    return sprints.find(tenant, sprintId).orElseThrow(() -> new NotFoundException("The sprint was not found."));
  }

  /** Renaming releases the old name and claims the new; a change of case only keeps the same sentinel. */
  private static void moveName(WriteTransaction tx, TenantId tenant, SprintItem sprint, String oldName) {
    String oldValue = PmKeys.inProject(sprint.projectId, oldName);
    String newValue = PmKeys.inProject(sprint.projectId, sprint.name);
    if (!sameSentinel(tenant, PmKeys.UNIQUE_SPRINT_NAME, oldValue, newValue)) {
      tx.releaseUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, oldValue)
          .claimUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, newValue, sprint.id, "name");
    }
  }

  /** True when two values share one sentinel (they differ only in case or surrounding space). */
  private static boolean sameSentinel(TenantId tenant, String kind, String a, String b) {
    return UniqueItem.key(tenant, kind, a).partitionKeyValue().equals(UniqueItem.key(tenant, kind, b).partitionKeyValue());
  }

  /**
   * The project's active-sprint sentinel, held by this sprint. Written here rather than with
   * {@code claimUnique} because its clash needs its own message, not "the status is already in use".
   */
  private static UniqueItem activeSprintSentinel(TenantId tenant, SprintItem sprint) {
    var key = UniqueItem.key(tenant, PmKeys.UNIQUE_ACTIVE_SPRINT, sprint.projectId);
    UniqueItem sentinel = new UniqueItem();
    sentinel.pk = key.partitionKeyValue().s();
    sentinel.sk = UniqueItem.ENTITY;
    sentinel.entityType = UniqueItem.ENTITY;
    sentinel.ownerId = sprint.id;
    return sentinel;
  }

  /** The move target must be another sprint of the same project that can still take tasks. */
  private static Expression openSprintOfProject(String projectId) {
    return Expression.builder()
        .expression("project_id = :project AND #status IN (:planned, :active)")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(Map.of(":project", AttributeValue.fromS(projectId),
            ":planned", AttributeValue.fromS(PLANNED), ":active", AttributeValue.fromS(ACTIVE)))
        .build();
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
