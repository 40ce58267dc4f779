package com.coditect.billing.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.util.Locale;
import java.util.Set;

/** The field limits of a billing address (the spec's CharField sizes) and its country check. */
public final class BillingAddressFields {

  public static final int NAME_MAX = 255;
  public static final int LINE_MAX = 255;
  public static final int CITY_MAX = 100;
  public static final int STATE_MAX = 100;
  public static final int POSTAL_CODE_MAX = 20;
  public static final int PHONE_MAX = 50;

  /** ISO 3166-1 alpha-2, as the JDK's locale data knows the assigned codes. */
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private BillingAddressFields() {}

  /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code, in capitals as the standard writes it. */
  public static boolean isCountryCode(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  static String requiredCountry(JsonFields fields) {
    return checkCountry(fields, fields.requiredString("country_code", 2));
  }

  static Patch<String> patchCountry(JsonFields fields) {
    Patch<String> patch = fields.patchString("country_code", 2, false);
    if (patch.isPresent()) {
      checkCountry(fields, patch.value());
    }
    return patch;
  }

  private static String checkCountry(JsonFields fields, String code) {
    if (code != null && !isCountryCode(code)) {
      fields.error("country_code", "must be an ISO 3166-1 alpha-2 country code in capitals, like US or DE");
    }
    return code;
  }
}
