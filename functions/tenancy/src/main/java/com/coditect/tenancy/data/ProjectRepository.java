package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads projects by the access patterns of docs/access-patterns.md. */
@Singleton
public final class ProjectRepository extends ItemRepository<ProjectItem> {

  private final Queries queries;

  @Inject
  public ProjectRepository(SingleTable table, Queries queries) {
    super(table, ProjectItem.SCHEMA);
    this.queries = queries;
  }


  /** A live project: one GetItem. */
  public Optional<ProjectItem> findLive(TenantId tenant, String projectId) {
    return Optional.ofNullable(table.getItem(TenancyKeys.project(tenant, projectId))).filter(p -> !p.isDeleted());
  }

  /** The tenant's live projects, oldest first: one Query on GSI1. */
  public ResultPage<ProjectItem> listByTenant(TenantId tenant, PageRequest page) {
    String partition = TenancyKeys.projects(tenant, false);
    return queries.page(table, TableItem.GSI1, UserRepository.keyEquals(partition), page, partition, false);
  }

  /** The tenant's live projects with a status: one Query on GSI2. */
  public ResultPage<ProjectItem> listByStatus(TenantId tenant, String status, PageRequest page) {
    String partition = TenancyKeys.projectsWithStatus(tenant, status);
    return queries.page(table, TableItem.GSI2, UserRepository.keyEquals(partition), page, partition, false);
  }

  /** Sets the index keys that place a project in the live or deleted lists. */
  public static void index(TenantId tenant, ProjectItem project) {
    boolean deleted = project.isDeleted();
    project.gsi1pk = TenancyKeys.projects(tenant, deleted);
    project.gsi1sk = project.id;
    project.gsi2pk = deleted ? null : TenancyKeys.projectsWithStatus(tenant, project.status);
    project.gsi2sk = deleted ? null : project.id;
  }
}
