package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import java.util.regex.Pattern;

/** The field rules the three kinds of contact share: owner, label and the spec's lengths. */
public final class ContactFields {

  public static final int LABEL_MAX = 100;
  /** A phone contact's {@code country_code}: an ISO region ({@code GB}) or a dialing code ({@code +44}). */
  public static final int COUNTRY_CODE_MAX = 5;
  private static final Pattern DIALING_OR_REGION = Pattern.compile("^(\\+[1-9][0-9]{0,3}|[A-Z]{2})$");

  private ContactFields() {}

  /** The owner cannot change: a contact of someone else is a new contact. */
  static void rejectOwnerChange(JsonFields fields) {
    fields.reject("entity_type", "cannot be changed; create a contact for the other entity instead");
    fields.reject("entity_id", "cannot be changed; create a contact for the other entity instead");
    fields.reject("is_verified", "is set by confirming a verification code");
  }

  /** A phone's {@code country_code}: {@code +44} or {@code GB} (which region's rules read the number). */
  static String checkDialingOrRegion(JsonFields fields, String code) {
    boolean region = code != null && !code.startsWith("+");
    if (code != null && (!DIALING_OR_REGION.matcher(code).matches() || (region && !JsonFields.isCountryCode(code)))) {
      fields.error("country_code", "must be a dialing code like +44 or an ISO 3166-1 alpha-2 country code like GB");
    }
    return code;
  }
}
