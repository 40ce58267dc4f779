package com.coditect.pm.domain;

import com.coditect.pm.api.CreateMilestoneRequest;
import com.coditect.pm.api.MilestoneResponse;
import com.coditect.pm.api.UpdateMilestoneRequest;
import com.coditect.pm.data.MilestoneItem;
import com.coditect.pm.data.MilestoneRepository;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.NotFoundException;
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
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Milestones. Their progress is counted by task writes ({@code ADD} on {@code task_total} and
 * {@code task_done}), so after creation a milestone is only ever updated in place, attribute by
 * attribute, and never put whole.
 */
@Singleton
public final class MilestoneService {

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
    this.resource = new Resource<>(milestones, MilestoneResponse::from, MilestoneItem::id, "milestone");
  }

  /**
   * A project's milestones by due date (undated last), optionally with one status: one Query (an
   * empty first page costs a GetItem more, to answer 404 for a project that is not the tenant's).
   */
  public ResultPage<MilestoneResponse> list(Caller caller, String projectId, Optional<MilestoneStatus> status,
      PageRequest page) {
    TenantId tenant = caller.tenantId();
    var items = status.isPresent()
        ? milestones.listByStatus(tenant, projectId, status.get(), page)
        : milestones.listByProject(tenant, projectId, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(MilestoneResponse::from);
  }

  public Versioned<MilestoneResponse> get(Caller caller, String milestoneId) {
    MilestoneItem milestone = find(caller.tenantId(), milestoneId);
    return new Versioned<>(MilestoneResponse.from(milestone), milestone.version());
  }

  /** A milestone of a live project with its title claimed in the project, counters at zero: one transaction. */
  public Created<MilestoneResponse> create(Caller caller, String projectId, CreateMilestoneRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    MilestoneItem milestone = MilestoneRepository.indexed(tenant, MilestoneItem.builder()
        .meta(MilestoneRepository.newMeta(tenant, id, now))
        .id(id)
        .projectId(projectId)
        .title(request.title())
        .description(request.description())
        .status(request.status())
        .dueDate(request.dueDate() == null ? null : request.dueDate().toString())
        .completedAt(request.status() == MilestoneStatus.COMPLETED ? now : null)
        .taskTotal(0L)
        .taskDone(0L)
        .build());
    return writer.create(tenant, caller.actor(), resource, milestone, "/v1/milestones/" + milestone.id(), claim, tx -> {
      projects.requireLive(tx, tenant, projectId, MilestoneService::projectNotFound);
      milestones.claimTitle(tx, tenant, milestone);
    });
  }

  /**
   * Changes the client's fields in place, conditional on the version read; {@code completed_at} is
   * set when the status becomes completed and cleared when it leaves it. A rename moves the title's
   * sentinel. A change that changes nothing writes nothing.
   */
  public Versioned<MilestoneResponse> update(Caller caller, String milestoneId, Optional<Long> ifMatch,
      UpdateMilestoneRequest request) {
    TenantId tenant = caller.tenantId();
    MilestoneItem read = find(tenant, milestoneId);
    Preconditions.checkIfMatch(ifMatch, read.version());
    MilestoneResponse before = MilestoneResponse.from(read);
    String now = Timestamps.now(clock);

    MilestoneItem edited = read.withTitle(request.title().orElse(read.title()))
        .withDescription(request.description().orElse(read.description()))
        .withStatus(request.status().orElse(read.status()))
        .withDueDate(request.dueDate().map(LocalDate::toString).orElse(read.dueDate()));
    if (edited.status() != read.status()) {
      edited = edited.withCompletedAt(edited.status() == MilestoneStatus.COMPLETED ? now : null);
    }
    if (MilestoneResponse.from(edited).equals(before)) {
      return new Versioned<>(before, read.version());
    }
    MilestoneItem changed = MilestoneRepository.indexed(tenant, edited.nextVersion(now));
    MilestoneResponse after = MilestoneResponse.from(changed);

    WriteTransaction tx = transactions.begin();
    milestones.updateChanged(tx, tenant, read, changed, Preconditions.stale(ifMatch.isPresent()));
    milestones.moveTitle(tx, tenant, changed, read.title());
    outbox.record(tx, tenant, caller.actor(), "milestone.updated", resource.type(), read.id(), before, after);
    tx.commit();
    return new Versioned<>(after, changed.version());
  }

  /** Hard delete (no {@code deleted_at} in the spec); frees the title. Tasks learn of it from the event. */
  public void delete(Caller caller, String milestoneId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    MilestoneItem milestone = find(tenant, milestoneId);
    Preconditions.checkIfMatch(ifMatch, milestone.version());
    WriteTransaction tx = transactions.begin();
    milestones.delete(tx, tenant, milestone, Preconditions.stale(ifMatch.isPresent()));
    milestones.releaseTitle(tx, tenant, milestone);
    // A hard delete's changes hold every field's last value as "old", project_id included.
    outbox.record(tx, tenant, caller.actor(), "milestone.deleted", resource.type(), milestone.id(),
        MilestoneResponse.from(milestone), null);
    tx.commit();
  }

  private MilestoneItem find(TenantId tenant, String milestoneId) {
    return milestones.find(tenant, milestoneId)
        .orElseThrow(() -> new NotFoundException("The milestone was not found."));
  }

  private static NotFoundException projectNotFound() {
    return new NotFoundException("The project was not found.");
  }
}
