package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Principal;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.api.CreateProjectRequest;
import com.coditect.tenancy.api.ProjectResponse;
import com.coditect.tenancy.api.UpdateProjectRequest;
import com.coditect.tenancy.data.ProjectItem;
import com.coditect.tenancy.data.ProjectRepository;
import com.coditect.tenancy.data.TenancyKeys;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Projects: the containers of tasks, with a per-tenant unique, immutable key. */
@Singleton
public final class ProjectService {

  private final ProjectRepository projects;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<ProjectItem, ProjectResponse> resource;

  @Inject
  ProjectService(ProjectRepository projects, Clock clock,
      VersionedWriter writer) {
    this.projects = projects;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(projects, ProjectResponse::from, p -> p.id, "project");
  }

  public ResultPage<ProjectResponse> list(TenantId tenant, Optional<String> status, PageRequest page) {
    var items = status.isPresent()
        ? projects.listByStatus(tenant, status.get(), page)
        : projects.listByTenant(tenant, page);
    return items.map(ProjectResponse::from);
  }

  public Versioned<ProjectResponse> get(TenantId tenant, String projectId) {
    ProjectItem project = projects.findLive(tenant, projectId).orElseThrow(ProjectService::notFound);
    return new Versioned<>(ProjectResponse.from(project), project.version);
  }

  /** Owners, admins and members create projects; the owner must be a live user of the tenant. */
  public Created<ProjectResponse> create(TenantId tenant, Actor actor, Principal caller,
      CreateProjectRequest request, IdempotencyClaim claim) {
    String now = Timestamps.now(clock);
    ProjectItem project = new ProjectItem();
    project.id = Ids.newId();
    project.stampNew(TenancyKeys.project(tenant, project.id), ProjectItem.ENTITY, now);
    project.key = request.key();
    project.name = request.name();
    project.description = request.description();
    project.status = "active";
    project.ownerId = request.ownerId() != null ? request.ownerId() : caller.userId();
    ProjectRepository.index(tenant, project);
    return writer.create(tenant, actor, resource, project, "/v1/projects/" + project.id, claim,
        tx -> tx.claimUnique(tenant, TenancyKeys.UNIQUE_PROJECT_KEY, project.key, project.id, "key")
            .requireLive(TenancyKeys.user(tenant, project.ownerId), ownerMissing()));
  }

  public Versioned<ProjectResponse> update(TenantId tenant, Actor actor, Principal caller, String projectId,
      Optional<Long> ifMatch, UpdateProjectRequest request) {
    ProjectItem project = projects.findLive(tenant, projectId).orElseThrow(ProjectService::notFound);
    requireManager(caller, project);
    return writer.update(tenant, actor, resource, project, ifMatch, "project.updated", p -> {
      p.name = request.name().orElse(p.name);
      p.description = request.description().orElse(p.description);
      p.status = request.status().orElse(p.status);
      p.ownerId = request.ownerId().orElse(p.ownerId);
      ProjectRepository.index(tenant, p);
    }, (before, tx) -> {
      if (!before.ownerId().equals(project.ownerId)) {
        tx.requireLive(TenancyKeys.user(tenant, project.ownerId), ownerMissing());
      }
    });
  }

  /** Soft delete; the key stays taken so that the project's task keys stay unambiguous. */
  public void delete(TenantId tenant, Actor actor, Principal caller, String projectId, Optional<Long> ifMatch) {
    ProjectItem project = projects.findLive(tenant, projectId).orElseThrow(ProjectService::notFound);
    requireManager(caller, project);
    writer.softDelete(tenant, actor, resource, project, ifMatch, "project.deleted",
        p -> ProjectRepository.index(tenant, p), tx -> { });
  }

  /** Admins manage every project; members only those they own (other roles never get here: the route table). */
  private static void requireManager(Principal caller, ProjectItem project) {
    if (!caller.tenantRole().isAdmin() && !caller.userId().equals(project.ownerId)) {
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
