package com.coditect.pm.domain;

import com.coditect.pm.api.MilestoneCreateRequest;
import com.coditect.pm.api.MilestoneResponse;
import com.coditect.pm.api.MilestoneUpdateRequest;
import com.coditect.pm.data.MilestoneItem;
import com.coditect.pm.data.MilestoneRepository;
import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Milestones. Their progress is counted by task writes ({@code ADD} on {@code task_total} and
 * {@code task_done}), so after creation a milestone is only ever updated in place, attribute by
 * attribute, and never put whole.
 */
@Singleton
public final class MilestoneService {

  public static final String COMPLETED = "completed";

  private final MilestoneRepository milestones;
  private final ProjectRepository projects;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Resource<MilestoneItem, MilestoneResponse> resource;

  @Inject
  MilestoneService(MilestoneRepository milestones, ProjectRepository projects, Clock clock, VersionedWriter writer, Transactions transactions,
      Outbox outbox) {
    this.milestones = milestones;
    this.projects = projects;
    this.clock = clock;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.resource = new Resource<>(milestones, MilestoneResponse::from, m -> m.id, "milestone");
  }

  /**
   * A project's milestones by due date (undated last), optionally with one status: one Query (an
   * empty first page costs a GetItem more, to answer 404 for a project that is not the tenant's).
   */
  public ResultPage<MilestoneResponse> list(TenantId tenant, String projectId, Optional<String> status,
      PageRequest page) {
    var items = status.isPresent()
        ? milestones.listByStatus(tenant, projectId, status.get(), page)
        : milestones.listByProject(tenant, projectId, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(MilestoneResponse::from);
  }

  public Versioned<MilestoneResponse> get(TenantId tenant, String milestoneId) {
    MilestoneItem milestone = find(tenant, milestoneId);
    return new Versioned<>(MilestoneResponse.from(milestone), milestone.version);
  }

  /** A milestone of a live project with its title claimed in the project, counters at zero: one transaction. */
  public Created<MilestoneResponse> create(TenantId tenant, Actor actor, String projectId,
      MilestoneCreateRequest request, IdempotencyClaim claim) {
    String now = Timestamps.now(clock);
    MilestoneItem milestone = new MilestoneItem();
    milestone.id = Ids.newId();
    milestone.stampNew(PmKeys.milestone(tenant, milestone.id), MilestoneItem.ENTITY, now);
    milestone.projectId = projectId;
    milestone.title = request.title();
    milestone.description = request.description();
    milestone.status = request.status();
    milestone.dueDate = request.dueDate() == null ? null : request.dueDate().toString();
    milestone.completedAt = COMPLETED.equals(milestone.status) ? now : null;
    milestone.taskTotal = 0L;
    milestone.taskDone = 0L;
    MilestoneRepository.index(tenant, milestone);
    return writer.create(tenant, actor, resource, milestone, "/v1/milestones/" + milestone.id, claim,
        tx -> tx.requireLive(CoreKeys.project(tenant, projectId), MilestoneService::projectNotFound)
            .claimUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, PmKeys.inProject(projectId, milestone.title),
                milestone.id, "title"));
  }

  /**
   * Changes the client's fields in place, conditional on the version read; {@code completed_at} is
   * set when the status becomes completed and cleared when it leaves it. A rename moves the title's
   * sentinel. A change that changes nothing writes nothing.
   */
  public Versioned<MilestoneResponse> update(TenantId tenant, Actor actor, String milestoneId, Optional<Long> ifMatch,
      MilestoneUpdateRequest request) {
    MilestoneItem read = find(tenant, milestoneId);
    Preconditions.checkIfMatch(ifMatch, read.version);
    MilestoneResponse before = MilestoneResponse.from(read);
    String now = Timestamps.now(clock);

    MilestoneItem changed = read.copy();
    changed.title = request.title().orElse(read.title);
    changed.description = request.description().orElse(read.description);
    changed.status = request.status().orElse(read.status);
    changed.dueDate = request.dueDate().map(LocalDate::toString).orElse(read.dueDate);
    if (!changed.status.equals(read.status)) {
      changed.completedAt = COMPLETED.equals(changed.status) ? now : null;
    }
    if (MilestoneResponse.from(changed).equals(before)) {
      return new Versioned<>(before, read.version);
    }
    changed.version = read.version + 1;
    changed.updatedAt = now;
    MilestoneRepository.index(tenant, changed);
    MilestoneResponse after = MilestoneResponse.from(changed);

    WriteTransaction tx = transactions.begin();
    updateChangedAttributes(tx, tenant, read, changed, Preconditions.stale(ifMatch.isPresent()));
    String oldTitle = PmKeys.inProject(read.projectId, read.title);
    String newTitle = PmKeys.inProject(read.projectId, changed.title);
    if (!sameSentinel(tenant, oldTitle, newTitle)) {
      tx.releaseUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, oldTitle)
          .claimUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, newTitle, read.id, "title");
    }
    outbox.record(tx, tenant, actor, "milestone.updated", resource.type(), read.id, before, after);
    tx.commit();
    return new Versioned<>(after, changed.version);
  }

  /** Hard delete (no {@code deleted_at} in the spec); frees the title. Tasks learn of it from the event. */
  public void delete(TenantId tenant, Actor actor, String milestoneId, Optional<Long> ifMatch) {
    MilestoneItem milestone = find(tenant, milestoneId);
    Preconditions.checkIfMatch(ifMatch, milestone.version);
    WriteTransaction tx = transactions.begin()
        .deleteVersioned(PmKeys.milestone(tenant, milestone.id), milestone.version,
            Preconditions.stale(ifMatch.isPresent()))
        .releaseUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, PmKeys.inProject(milestone.projectId, milestone.title));
    // A hard delete's changes hold every field's last value as "old", project_id included.
    outbox.record(tx, tenant, actor, "milestone.deleted", resource.type(), milestone.id,
        MilestoneResponse.from(milestone), null);
    tx.commit();
  }

  /**
   * Adds one in-place update of {@code read}'s item: {@code SET} for each attribute whose value
   * differs in {@code changed} (client fields, timestamps, version, index keys), {@code REMOVE} for
   * each it no longer has, conditional on the version read. The task counters are never written,
   * so an {@code ADD} by a task write between our read and this write is kept.
   */
  private static void updateChangedAttributes(WriteTransaction tx, TenantId tenant, MilestoneItem read,
      MilestoneItem changed, Supplier<? extends RuntimeException> onStale) {
    Map<String, AttributeValue> old = MilestoneItem.SCHEMA.itemToMap(read, true);
    Map<String, AttributeValue> now = MilestoneItem.SCHEMA.itemToMap(changed, true);
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    TreeSet<String> attributes = new TreeSet<>(old.keySet());
    attributes.addAll(now.keySet());
    for (String attribute : attributes) {
      if (MilestoneItem.COUNTERS.contains(attribute) || Objects.equals(old.get(attribute), now.get(attribute))) {
        continue;
      }
      // Every name is aliased: status and others are DynamoDB reserved words.
      String alias = "#a" + names.size();
      names.put(alias, attribute);
      if (now.containsKey(attribute)) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, now.get(attribute));
        sets.add(alias + " = " + placeholder);
      } else {
        removes.add(alias);
      }
    }
    String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    Expression sameVersion = Expression.builder()
        .expression("version = :read_version")
        .expressionValues(Map.of(":read_version", AttributeValue.fromN(Long.toString(read.version))))
        .expressionNames(names)
        .build();
    tx.update(PmKeys.milestone(tenant, read.id), expression, values, sameVersion, onStale);
  }

  /** True when two titles share one sentinel (they differ only in case or surrounding space). */
  private static boolean sameSentinel(TenantId tenant, String oldTitle, String newTitle) {
    return UniqueItem.key(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, oldTitle).partitionKeyValue()
        .equals(UniqueItem.key(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, newTitle).partitionKeyValue());
  }

  private MilestoneItem find(TenantId tenant, String milestoneId) {
    return milestones.find(tenant, milestoneId)
        .orElseThrow(() -> new NotFoundException("The milestone was not found."));
  }

  private static NotFoundException projectNotFound() {
    return new NotFoundException("The project was not found.");
  }
}
