package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules the three kinds of contact share: owner, label and the spec's lengths. */
public final class ContactFields {

  public static final int LABEL_MAX = 100;
  /** A phone contact's {@code country_code}: an ISO region ({@code GB}) or a dialing code ({@code +44}). */
  public static final int COUNTRY_CODE_MAX = 5;
  private static final Pattern DIALING_OR_REGION = Pattern.compile("^(\\+[1-9][0-9]{0,3}|[A-Z]{2})$");
  /** ISO 3166-1 alpha-2, as the JDK's locale data knows the assigned codes. */
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private ContactFields() {}


  /** The owner cannot change: a contact of someone else is a new contact. */
  static void rejectOwnerChange(JsonFields fields) {
    fields.reject("entity_type", "cannot be changed; create a contact for the other entity instead");
    fields.reject("entity_id", "cannot be changed; create a contact for the other entity instead");
    fields.reject("is_verified", "is set by confirming a verification code");
  }

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

  /** A phone's {@code country_code}: {@code +44} or {@code GB} (which region's rules read the number). */
  static String checkDialingOrRegion(JsonFields fields, String code) {
    if (code != null && (!DIALING_OR_REGION.matcher(code).matches() || (!code.startsWith("+") && !isCountryCode(code)))) {
      fields.error("country_code", "must be a dialing code like +44 or an ISO 3166-1 alpha-2 country code like GB");
    }
    return code;
  }

  private static String checkCountry(JsonFields fields, String code) {
    if (code != null && !isCountryCode(code)) {
      fields.error("country_code", "must be an ISO 3166-1 alpha-2 country code in capitals, like US or DE");
    }
    return code;
  }
}
