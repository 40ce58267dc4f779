package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** Syntax rules of the contact and profile fields tenants and users share. */
final class ProfileFields {

  static final int NAME_MAX = 255;
  static final int TIMEZONE_MAX = 50;
  static final int LANGUAGE_MAX = 10;
  static final int INDUSTRY_MAX = 100;
  static final int TAX_ID_MAX = 100;
  static final int DESCRIPTION_MAX = 10_000;
  static final Set<String> NOTIFICATION_CHANNELS = Set.of("email", "slack", "webhook");
  /**
   * The BCP 47 tags a UI language needs: language[-Script][-REGION] (en, pt-BR, es-419, zh-Hant-TW).
   * The OpenAPI document publishes this same pattern, so clients can check a tag before sending it.
   */
  static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$");

  private ProfileFields() {}

  /**
   * A user's or tenant's {@code phone_number} is a copy of its default work phone, written by the
   * contacts function: no tenancy request sets it, and one that tries is told where it is set.
   */
  static void rejectPhoneNumber(JsonFields fields) {
    fields.reject("phone_number",
        "follows the default work phone (its E.164 number) and is set through POST /v1/phone-numbers");
  }

  static Patch<String> timezone(JsonFields fields) {
    Patch<String> patch = fields.patchString("timezone", TIMEZONE_MAX, true);
    if (patch.isPresent() && patch.value() != null && !isIanaZone(patch.value())) {
      fields.error("timezone", "must be an IANA time zone such as Europe/Berlin");
    }
    return patch;
  }

  /**
   * Java's zone list is the IANA database plus the legacy {@code SystemV/*} ids, which IANA
   * dropped (2020b) and other clients do not know; those are refused.
   */
  private static boolean isIanaZone(String id) {
    return !id.startsWith("SystemV/") && ZoneId.getAvailableZoneIds().contains(id);
  }

  static Patch<String> language(JsonFields fields) {
    Patch<String> patch = fields.patchString("language", LANGUAGE_MAX, true);
    if (patch.isPresent()) {
      fields.matching("language", patch.value(), LANGUAGE_TAG, "must be a BCP 47 language tag such as en or pt-BR");
    }
    return patch;
  }
}
