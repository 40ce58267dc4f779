package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.model.ProjectStatus;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reads projects by the access patterns of docs/access-patterns.md, and claims their unique keys. */
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
    return queries.page(table, ItemMeta.GSI1, UserRepository.keyEquals(partition), page, partition, false);
  }

  /** The tenant's live projects with a status: one Query on GSI2. */
  public ResultPage<ProjectItem> listByStatus(TenantId tenant, ProjectStatus status, PageRequest page) {
    String partition = TenancyKeys.projectsWithStatus(tenant, status);
    return queries.page(table, ItemMeta.GSI2, UserRepository.keyEquals(partition), page, partition, false);
  }

  /**
   * Claims the project's key ({@code ENG}) in its tenant; a clash is a 409 naming {@code key}. Never
   * released, not even by a delete: task keys are built on it.
   */
  public void claimKey(WriteTransaction tx, TenantId tenant, String key, String projectId) {
    tx.claimUnique(tenant, TenancyKeys.UNIQUE_PROJECT_KEY, key, projectId, "key");
  }

  /**
   * The common attributes of a new project of the tenant: its key, type, first version and
   * timestamps; its list placement follows from its fields ({@link #indexed}).
   */
  public static ItemMeta newMeta(TenantId tenant, String projectId, String now) {
    return ItemMeta.created(TenancyKeys.project(tenant, projectId), ProjectItem.ENTITY, now);
  }

  /** {@code project} with the index keys that place it in the live or deleted lists. */
  public static ProjectItem indexed(TenantId tenant, ProjectItem project) {
    boolean deleted = project.isDeleted();
    return project.withIndex1(TenancyKeys.projects(tenant, deleted), project.id())
        .withIndex2(deleted ? null : TenancyKeys.projectsWithStatus(tenant, project.status()),
            deleted ? null : project.id());
  }
}
