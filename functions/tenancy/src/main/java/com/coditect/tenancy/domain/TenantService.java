package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.TenantStatus;
import com.coditect.shared.tenancy.UserStatus;
import com.coditect.tenancy.api.CreateTenantRequest;
import com.coditect.tenancy.api.TenantResponse;
import com.coditect.tenancy.api.UpdateTenantRequest;
import com.coditect.tenancy.api.UserResponse;
import com.coditect.tenancy.data.TenantItem;
import com.coditect.tenancy.data.TenantRepository;
import com.coditect.tenancy.data.UserItem;
import com.coditect.tenancy.data.UserRepository;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Tenants: creation by platform admins (with the first owner), reading and settings. */
@Singleton
public final class TenantService {

  private final TenantRepository tenants;
  private final UserRepository users;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<TenantItem, TenantResponse> resource;

  @Inject
  TenantService(TenantRepository tenants, UserRepository users, Transactions transactions,
      Outbox outbox, Clock clock, VersionedWriter writer) {
    this.tenants = tenants;
    this.users = users;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(tenants, TenantResponse::from, TenantItem::id, "tenant");
  }

  /** One transaction: the tenant, its slug, its owner, the owner's email, and both events. */
  public Created<TenantResponse> create(Caller caller, CreateTenantRequest request, IdempotencyClaim claim) {
    TenantId tenantId = new TenantId(Ids.newId());
    String now = Timestamps.now(clock);
    String slug = request.slug() != null ? request.slug() : slugOf(request.name(), tenantId);

    String ownerId = Ids.newId();
    UserItem owner = UserRepository.indexed(tenantId, UserItem.builder()
        .meta(UserRepository.newMeta(tenantId, ownerId, now))
        .id(ownerId)
        .email(request.ownerEmail())
        .name(request.ownerName())
        .role(Role.OWNER.apiName())
        .status(UserStatus.INVITED)
        .build());

    TenantItem tenant = TenantItem.builder()
        .meta(TenantRepository.newMeta(tenantId, now))
        .id(tenantId.value())
        .name(request.name())
        .slug(slug)
        .status(TenantStatus.ACTIVE)
        .ownerUserId(ownerId)
        .website(request.website())
        .industry(request.industry())
        .companySize(request.companySize())
        .billingEmail(request.billingEmail())
        .taxId(request.taxId())
        // Written out, so the tenant item says how long its audit entries are kept.
        .auditRetentionDays(AuditRetention.DEFAULT_DAYS)
        .build();

    TenantResponse response = TenantResponse.from(tenant);
    WriteTransaction tx = transactions.begin();
    tenants.create(tx, tenant, () -> new IllegalStateException("tenant id collision"));
    tenants.claimSlug(tx, slug, tenant.id());
    users.create(tx, owner, () -> new IllegalStateException("user id collision"));
    users.claimEmail(tx, tenantId, owner.email(), ownerId, "owner.email");
    // The platform administrator acts in no tenant: the events are the new tenant's.
    Actor actor = caller.actor();
    outbox.record(tx, tenantId, actor, "tenant.created", "tenant", tenant.id(), null, response);
    outbox.record(tx, tenantId, actor, "user.created", "user", ownerId, null, UserResponse.from(owner));
    Created<TenantResponse> created = new Created<>("/v1/tenant", response, tenant.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  public Versioned<TenantResponse> get(Caller caller) {
    TenantItem item = tenants.find(caller.tenantId()).orElseThrow(TenantService::notFound);
    return new Versioned<>(TenantResponse.from(item), item.version());
  }

  /**
   * Owners and admins change anything; the billing role only the billing contact fields (the
   * route table lets no other role through).
   */
  public Versioned<TenantResponse> update(Caller caller, Optional<Long> ifMatch, UpdateTenantRequest request) {
    if (caller.role() == Role.BILLING && !request.onlyBillingFields()) {
      throw new ForbiddenException("The billing role may change only billing_email and tax_id.");
    }
    TenantId tenant = caller.tenantId();
    TenantItem item = tenants.find(tenant).orElseThrow(TenantService::notFound);
    return writer.update(tenant, caller.actor(), resource, item, ifMatch, "tenant.updated", t -> t
        .withName(request.name().orElse(t.name()))
        .withWebsite(request.website().orElse(t.website()))
        .withIndustry(request.industry().orElse(t.industry()))
        .withCompanySize(request.companySize().orElse(t.companySize()))
        .withBillingEmail(request.billingEmail().orElse(t.billingEmail()))
        .withTaxId(request.taxId().orElse(t.taxId()))
        // Applies to entries written from now on: an entry's expiry is fixed when it is written
        // (the audit role may not update entries), see docs/audit.md "Retention".
        .withAuditRetentionDays(request.auditRetentionDays().orElse(t.auditRetentionDays())));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The tenant was not found.");
  }

  /** A URL-safe slug from the tenant's name, with a short id suffix when the name has none. */
  static String slugOf(String name, TenantId id) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 54) {
      slug = slug.substring(0, 54).replaceAll("-+$", "");
    }
    String suffix = id.value().substring(id.value().length() - 8);
    return slug.isEmpty() ? "tenant-" + suffix : slug + "-" + suffix;
  }
}
