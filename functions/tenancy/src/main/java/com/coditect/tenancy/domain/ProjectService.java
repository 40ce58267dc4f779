package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.api.CreateProjectRequest;
import com.coditect.tenancy.api.ProjectFilters;
import com.coditect.tenancy.api.ProjectResponse;
import com.coditect.tenancy.api.UpdateProjectRequest;
import com.coditect.tenancy.data.ProjectItem;
import com.coditect.tenancy.data.ProjectRepository;
import com.coditect.tenancy.data.UserRepository;
import com.coditect.tenancy.model.ProjectStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Projects: the containers of tasks, with a per-tenant unique, immutable key. */
@Singleton
public final class ProjectService {

  private final ProjectRepository projects;
  private final UserRepository users;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<ProjectItem, ProjectResponse> resource;

  @Inject
  ProjectService(ProjectRepository projects, UserRepository users, Clock clock, VersionedWriter writer) {
    this.projects = projects;
    this.users = users;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(projects, ProjectResponse::from, ProjectItem::id, "project");
  }

  public ResultPage<ProjectResponse> list(Caller caller, ProjectFilters filters, PageRequest page) {
    TenantId tenant = caller.tenantId();
    var items = filters.status().isPresent()
        ? projects.listByStatus(tenant, filters.status().get(), page)
        : projects.listByTenant(tenant, page);
    return items.map(ProjectResponse::from);
  }

  public Versioned<ProjectResponse> get(Caller caller, String projectId) {
    ProjectItem project = projects.findLive(caller.tenantId(), projectId).orElseThrow(ProjectService::notFound);
    return new Versioned<>(ProjectResponse.from(project), project.version());
  }

  /** Owners, admins and members create projects; the owner must be a live user of the tenant. */
  public Created<ProjectResponse> create(Caller caller, CreateProjectRequest request, IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    String id = Ids.newId();
    ProjectItem project = ProjectRepository.indexed(tenant, ProjectItem.builder()
        .meta(ProjectRepository.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .key(request.key())
        .name(request.name())
        .description(request.description())
        .status(ProjectStatus.ACTIVE)
        .ownerId(request.ownerId() != null ? request.ownerId() : caller.userId())
        .build());
    return writer.create(tenant, caller.actor(), resource, project, "/v1/projects/" + id, claim, tx -> {
      projects.claimKey(tx, tenant, project.key(), id);
      users.requireLive(tx, tenant, project.ownerId(), ownerMissing());
    });
  }

  public Versioned<ProjectResponse> update(Caller caller, String projectId, Optional<Long> ifMatch,
      UpdateProjectRequest request) {
    TenantId tenant = caller.tenantId();
    ProjectItem project = projects.findLive(tenant, projectId).orElseThrow(ProjectService::notFound);
    requireManager(caller, project);
    return writer.update(tenant, caller.actor(), resource, project, ifMatch, "project.updated",
        p -> ProjectRepository.indexed(tenant, p
            .withName(request.name().orElse(p.name()))
            .withDescription(request.description().orElse(p.description()))
            .withStatus(request.status().orElse(p.status()))
            .withOwnerId(request.ownerId().orElse(p.ownerId()))),
        (changed, tx) -> {
          if (!project.ownerId().equals(changed.ownerId())) {
            users.requireLive(tx, tenant, changed.ownerId(), ownerMissing());
          }
        });
  }

  /** Soft delete; the key stays taken so that the project's task keys stay unambiguous. */
  public void delete(Caller caller, String projectId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    ProjectItem project = projects.findLive(tenant, projectId).orElseThrow(ProjectService::notFound);
    requireManager(caller, project);
    writer.softDelete(tenant, caller.actor(), resource, project, ifMatch, "project.deleted",
        p -> ProjectRepository.indexed(tenant, p), tx -> { });
  }

  /** Admins manage every project; members only those they own (other roles never get here: the route table). */
  private static void requireManager(Caller caller, ProjectItem project) {
    if (!caller.isAdmin() && !caller.userId().equals(project.ownerId())) {
      throw new ForbiddenException("Only the project's owner or an admin may change it.");
    }
  }

  private static Supplier<UnprocessableException> ownerMissing() {
    return () -> UnprocessableException.forField("owner_id", "is not a user of this tenant");
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The project was not found.");
  }
}
