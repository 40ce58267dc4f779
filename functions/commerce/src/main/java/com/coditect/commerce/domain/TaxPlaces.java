package com.coditect.commerce.domain;

import com.coditect.billing.data.BillingAddressItem;
import com.coditect.billing.data.BillingAddressRepository;
import com.coditect.billing.data.TaxRateItem;
import com.coditect.billing.data.TaxRateRepository;
import com.coditect.commerce.data.CartTaxRate;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Where a tenant is taxed: its default billing address (one Query of the sparse index of
 * defaults) and the active rates of that address's country and state (one Query). The address's
 * {@code state} is matched, trimmed and upper-cased, against the rates' {@code state_code}: an
 * address that spells its state out ("California") gets the country-wide rates only.
 */
@Singleton
public final class TaxPlaces {

  /** The address, and the rates that apply there. */
  public record Place(BillingAddressItem address, String stateCode, List<CartTaxRate> rates) {}

  private final BillingAddressRepository addresses;
  private final TaxRateRepository rates;

  @Inject
  TaxPlaces(BillingAddressRepository addresses, TaxRateRepository rates) {
    this.addresses = addresses;
    this.rates = rates;
  }

  /** The tenant's place; empty when it has no default billing address (no Query of rates then). */
  public Optional<Place> ofDefaultAddress(TenantId tenant) {
    List<BillingAddressItem> found = addresses.listDefault(tenant, Optional.empty(),
        PageRequest.of(Optional.of("1"), Optional.empty())).items();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BillingAddressItem address = found.get(0);
    String state = address.state() == null ? null : address.state().trim().toUpperCase(Locale.ROOT);
    List<CartTaxRate> applied = new ArrayList<>();
    for (TaxRateItem rate : rates.applicable(address.countryCode(), state)) {
      applied.add(new CartTaxRate(rate.id(), rate.displayName(), rate.percentage(), rate.inclusive()));
    }
    return Optional.of(new Place(address, state, List.copyOf(applied)));
  }
}
