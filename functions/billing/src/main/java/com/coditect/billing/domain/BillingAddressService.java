package com.coditect.billing.domain;

import com.coditect.billing.api.BillingAddressFilters;
import com.coditect.billing.api.BillingAddressResponse;
import com.coditect.billing.api.CreateBillingAddressRequest;
import com.coditect.billing.api.UpdateBillingAddressRequest;
import com.coditect.billing.data.BillingAddressItem;
import com.coditect.billing.data.BillingAddressRepository;
import com.coditect.billing.data.BillingDefaultItem;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A tenant's billing and shipping addresses, with at most one default per tenant. Every change of
 * the default (a new default address, another address made default, the default cleared or
 * deleted) is one transaction that writes the tenant's default pointer and both addresses' flags,
 * so the constraint holds under concurrent writers: of two that race, one commits and the other
 * gets 409 with nothing written.
 */
@Singleton
public final class BillingAddressService {

  static final String TYPE = "billing_address";

  private final BillingAddressRepository addresses;
  private final Outbox outbox;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<BillingAddressItem, BillingAddressResponse> resource;

  @Inject
  BillingAddressService(BillingAddressRepository addresses, Outbox outbox, Clock clock, VersionedWriter writer) {
    this.addresses = addresses;
    this.outbox = outbox;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(addresses, BillingAddressResponse::from, BillingAddressItem::id, TYPE);
  }

  /** {@code ?is_default=true} is the sparse default index; every other filter is the list's. */
  public ResultPage<BillingAddressResponse> list(Caller caller, BillingAddressFilters filters, PageRequest page) {
    TenantId tenant = caller.tenantId();
    if (filters.isDefault().orElse(false)) {
      return addresses.listDefault(tenant, filters.addressType(), page).map(BillingAddressResponse::from);
    }
    return addresses.listByTenant(tenant, filters.addressType(), filters.isDefault(), page).map(BillingAddressResponse::from);
  }

  public Versioned<BillingAddressResponse> get(Caller caller, String addressId) {
    BillingAddressItem address = find(caller.tenantId(), addressId);
    return new Versioned<>(BillingAddressResponse.from(address), address.version());
  }

  /**
   * A new default also takes the default from the address that held it: the pointer and the
   * request's idempotency record are read together first (one call), then one transaction.
   */
  public Created<BillingAddressResponse> create(Caller caller, CreateBillingAddressRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    BillingAddressRepository.DefaultAndRecord read = addresses.findForCreate(tenant, request.isDefault(),
        idempotency.recordKey());
    IdempotencyClaim claim = idempotency.claim(read.record());
    Optional<BillingDefaultItem> pointer = read.pointer();
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    BillingAddressItem address = BillingAddressRepository.indexed(tenant, BillingAddressItem.builder()
        .meta(BillingAddressRepository.newMeta(tenant, id, now))
        .id(id)
        .addressType(request.addressType())
        .fullName(request.fullName())
        .companyName(request.companyName())
        .addressLine1(request.addressLine1())
        .addressLine2(request.addressLine2())
        .city(request.city())
        .state(request.state())
        .postalCode(request.postalCode())
        .countryCode(request.countryCode())
        .phone(request.phone())
        .isDefault(request.isDefault())
        .build());
    return writer.create(tenant, caller.actor(), resource, address, "/v1/billing-addresses/" + id, claim, tx -> {
      if (request.isDefault()) {
        takeDefault(tx, tenant, caller.actor(), id, pointer, now);
      }
    });
  }

  public Versioned<BillingAddressResponse> update(Caller caller, String addressId, Optional<Long> ifMatch,
      UpdateBillingAddressRequest request) {
    TenantId tenant = caller.tenantId();
    // Asking for the default reads the pointer with the address (one call): the change may need it.
    boolean asksDefault = Boolean.TRUE.equals(request.isDefault().orElse(false));
    BillingAddressRepository.AddressAndDefault read = asksDefault ? addresses.findLiveWithDefault(tenant, addressId)
        : new BillingAddressRepository.AddressAndDefault(addresses.findLive(tenant, addressId), Optional.empty());
    BillingAddressItem address = read.address()
        .orElseThrow(() -> new NotFoundException("The billing address was not found."));
    boolean becomesDefault = request.isDefault().orElse(address.isDefault()) && !address.isDefault();
    boolean stopsBeingDefault = !request.isDefault().orElse(address.isDefault()) && address.isDefault();
    Optional<BillingDefaultItem> pointer = becomesDefault ? read.pointer() : Optional.empty();
    return writer.update(tenant, caller.actor(), resource, address, ifMatch, TYPE + ".updated",
        a -> BillingAddressRepository.indexed(tenant, a
            .withAddressType(request.addressType().orElse(a.addressType()))
            .withFullName(request.fullName().orElse(a.fullName()))
            .withCompanyName(request.companyName().orElse(a.companyName()))
            .withAddressLine1(request.addressLine1().orElse(a.addressLine1()))
            .withAddressLine2(request.addressLine2().orElse(a.addressLine2()))
            .withCity(request.city().orElse(a.city()))
            .withState(request.state().orElse(a.state()))
            .withPostalCode(request.postalCode().orElse(a.postalCode()))
            .withCountryCode(request.countryCode().orElse(a.countryCode()))
            .withPhone(request.phone().orElse(a.phone()))
            .withIsDefault(request.isDefault().orElse(a.isDefault()))),
        (changed, tx) -> {
          if (becomesDefault) {
            takeDefault(tx, tenant, caller.actor(), addressId, pointer, changed.updatedAt());
          } else if (stopsBeingDefault) {
            addresses.clearDefault(tx, tenant);
          }
        });
  }

  /** A deleted address is no one's default: deleting the default leaves the tenant without one. */
  public void delete(Caller caller, String addressId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    BillingAddressItem address = find(tenant, addressId);
    writer.softDelete(tenant, caller.actor(), resource, address, ifMatch, TYPE + ".deleted",
        a -> BillingAddressRepository.indexed(tenant, a.withIsDefault(false)), tx -> {
          if (address.isDefault()) {
            addresses.clearDefault(tx, tenant);
          }
        });
  }

  /**
   * The parts that make {@code addressId} the default: the pointer, conditional on what was read
   * of it, and the previous default's flag cleared, with its own event.
   */
  private void takeDefault(WriteTransaction tx, TenantId tenant, Actor actor, String addressId,
      Optional<BillingDefaultItem> pointer, String now) {
    addresses.pointDefaultAt(tx, tenant, addressId, pointer, now, BillingAddressService::defaultChanged);
    pointer.map(BillingDefaultItem::addressId).filter(previous -> !previous.equals(addressId)).ifPresent(previous -> {
      addresses.unsetDefault(tx, tenant, previous, now, BillingAddressService::defaultChanged);
      outbox.record(tx, tenant, actor, TYPE + ".updated", TYPE, previous,
          Map.of("is_default", new FieldChange(true, false)));
    });
  }

  private BillingAddressItem find(TenantId tenant, String addressId) {
    return addresses.findLive(tenant, addressId)
        .orElseThrow(() -> new NotFoundException("The billing address was not found."));
  }

  private static ConflictException defaultChanged() {
    return new ConflictException("The tenant's default billing address was changed concurrently; fetch it again and retry.");
  }
}
