package com.coditect.billing.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.json.JsonFields;
import java.util.List;
import java.util.Optional;

/**
 * The filters of {@code GET /v1/tax-rates}: {@code ?country_code=}, {@code ?state_code=} (a state of
 * that country; without one, that state code in any country), {@code ?active=true|false}.
 */
public record TaxRateFilters(Optional<String> countryCode, Optional<String> stateCode, Optional<Boolean> active) {

  public static TaxRateFilters from(ApiRequest request) {
    Optional<String> country = request.queryParameter("country_code");
    if (country.isPresent() && !JsonFields.isCountryCode(country.get())) {
      throw BadRequestException.forField("country_code", "must be an ISO 3166-1 alpha-2 country code in capitals");
    }
    Optional<String> state = request.queryParameter("state_code");
    if (state.isPresent() && !TaxRateFields.STATE_CODE.matcher(state.get()).matches()) {
      throw BadRequestException.forField("state_code", "must be the subdivision part of an ISO 3166-2 code in capitals");
    }
    return new TaxRateFilters(country, state,
        request.choiceQueryParameter("active", List.of("true", "false")).map(Boolean::valueOf));
  }
}
