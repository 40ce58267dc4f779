package com.coditect.contacts.domain;

import com.coditect.contacts.api.AddressResponse;
import com.coditect.contacts.api.CreateAddressRequest;
import com.coditect.contacts.api.UpdateAddressRequest;
import com.coditect.contacts.data.AddressItem;
import com.coditect.contacts.data.AddressRepository;
import com.coditect.contacts.data.Geocoder;
import com.coditect.contacts.data.OwnerRepository;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Postal addresses of the tenant, its users and its orders: the postal code checked against its
 * country's format ({@link PostalCodes}), and the point found by the {@link Geocoder} when the
 * caller gave none (and the postal fields changed). One default per owner and address type.
 */
@Singleton
public final class AddressService extends ContactService<AddressItem, AddressResponse> {

  static final String TYPE = "address";

  private final Geocoder geocoder;

  @Inject
  AddressService(AddressRepository addresses, OwnerRepository owners, Outbox outbox, VersionedWriter writer, Clock clock,
      Geocoder geocoder) {
    super(addresses, owners, outbox, writer, clock, AddressResponse::from, TYPE, "The address was not found.");
    this.geocoder = geocoder;
  }

  public Created<AddressResponse> create(Caller caller, CreateAddressRequest request, Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    PostalCodes.check(request.countryCode(), request.postalCode());
    String id = Ids.newId();
    AddressItem address = located(AddressItem.builder()
        .meta(contacts.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .entityType(request.entityType())
        .entityId(request.entityId())
        .addressType(request.addressType())
        .label(request.label())
        .fullName(request.fullName())
        .companyName(request.companyName())
        .addressLine1(request.addressLine1())
        .addressLine2(request.addressLine2())
        .city(request.city())
        .state(request.state())
        .postalCode(request.postalCode())
        .countryCode(request.countryCode())
        .latitude(request.latitude())
        .longitude(request.longitude())
        .isDefault(false)
        .isVerified(false)
        .build(), request.latitude() != null);
    return create(caller, address, request.isDefault(), "/v1/addresses/" + id, idempotency, tx -> { });
  }

  public Versioned<AddressResponse> update(Caller caller, String id, Optional<Long> ifMatch,
      UpdateAddressRequest request) {
    AddressItem address = findManaged(caller, id);
    String country = request.countryCode().orElse(address.countryCode());
    String postalCode = request.postalCode().orElse(address.postalCode());
    if (request.countryCode().isPresent() || request.postalCode().isPresent()) {
      PostalCodes.check(country, postalCode);
    }
    boolean placeChanges = request.addressLine1().isPresent() || request.city().isPresent()
        || request.postalCode().isPresent() || request.countryCode().isPresent();
    boolean pointSent = request.latitude().isPresent();
    AddressItem changed = address
        .withAddressType(request.addressType().orElse(address.addressType()))
        .withLabel(request.label().orElse(address.label()))
        .withFullName(request.fullName().orElse(address.fullName()))
        .withCompanyName(request.companyName().orElse(address.companyName()))
        .withAddressLine1(request.addressLine1().orElse(address.addressLine1()))
        .withAddressLine2(request.addressLine2().orElse(address.addressLine2()))
        .withCity(request.city().orElse(address.city()))
        .withState(request.state().orElse(address.state()))
        .withPostalCode(postalCode)
        .withCountryCode(country)
        .withLatitude(request.latitude().orElse(address.latitude()))
        .withLongitude(request.longitude().orElse(address.longitude()));
    // A moved address without a new point is located again (its old point would be wrong).
    AddressItem result = placeChanges && !pointSent ? located(changed.withLatitude(null).withLongitude(null), false)
        : changed;
    // The change is already made (geocoding is a call, made once); it applies to the address read.
    return update(caller, address, ifMatch, request.isDefault(), read -> result, (before, after, tx) -> { });
  }

  @Override
  protected void released(WriteTransaction tx, TenantId tenant, AddressItem address) {
    // An address holds nothing unique.
  }

  /** The address with the geocoder's point when it has none and the caller gave none. */
  private AddressItem located(AddressItem address, boolean pointGiven) {
    if (pointGiven) {
      return address;
    }
    return geocoder.locate(address.addressLine1(), address.city(), address.postalCode(), address.countryCode())
        .map(point -> address.withLatitude(point.latitude()).withLongitude(point.longitude()))
        .orElse(address);
  }
}
