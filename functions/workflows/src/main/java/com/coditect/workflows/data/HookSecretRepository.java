package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * A workflow's webhook secret and the platform pointer from its id to its tenant, always written
 * and removed together (the hook route reads the pointer, then the secret).
 */
@Singleton
public final class HookSecretRepository extends ItemRepository<HookSecretItem> {

  private final HookLookups lookups;

  @Inject
  public HookSecretRepository(SingleTable table) {
    super(table, HookSecretItem.SCHEMA);
    this.lookups = new HookLookups(table);
  }

  /** The secret of a workflow: one GetItem. */
  public Optional<HookSecretItem> find(TenantId tenant, String workflowId) {
    return Optional.ofNullable(table.getItem(WorkflowKeys.hookSecret(tenant, workflowId)));
  }

  /** The tenant of a workflow that has a webhook trigger, from its id alone: one GetItem. */
  public Optional<String> tenantOfHook(String workflowId) {
    return lookups.find(workflowId).map(HookLookupItem::tenantId);
  }

  /**
   * Adds the writing of the secret (a first one, or a rotation keeping {@code previous} until
   * {@code previousExpiresAt}) and of the tenant pointer.
   */
  public void put(WriteTransaction tx, TenantId tenant, String workflowId, String secret, @Nullable String previous,
      @Nullable String previousExpiresAt, String now) {
    put(tx, HookSecretItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.hookSecret(tenant, workflowId), HookSecretItem.ENTITY, now))
        .workflowId(workflowId)
        .secret(secret)
        .previousSecret(previous)
        .previousExpiresAt(previousExpiresAt)
        .build());
    lookups.put(tx, HookLookupItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.hookLookup(workflowId), HookLookupItem.ENTITY).withCreatedAt(now))
        .workflowId(workflowId)
        .tenantId(tenant.value())
        .build());
  }

  /** Adds the removal of the secret and the pointer (the workflow lost its webhook trigger, or went). */
  public void remove(WriteTransaction tx, TenantId tenant, String workflowId) {
    tx.delete(WorkflowKeys.hookSecret(tenant, workflowId));
    tx.delete(WorkflowKeys.hookLookup(workflowId));
  }

  /** The pointer items: a repository of their own type, held here because they never change apart. */
  private static final class HookLookups extends ItemRepository<HookLookupItem> {

    HookLookups(SingleTable table) {
      super(table, HookLookupItem.SCHEMA);
    }

    /** Strongly consistent: a hook may be called right after the publish that wrote its pointer. */
    Optional<HookLookupItem> find(String workflowId) {
      return Optional.ofNullable(table.getItem(r -> r.key(WorkflowKeys.hookLookup(workflowId)).consistentRead(true)));
    }
  }
}
