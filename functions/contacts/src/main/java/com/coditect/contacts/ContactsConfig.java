package com.coditect.contacts;

import com.coditect.shared.config.AppConfig;
import java.util.Map;

/**
 * Settings of the contacts function.
 *
 * @param verificationEmailFrom the SES identity e-mail codes are sent from ({@code VERIFICATION_EMAIL_FROM})
 * @param geocoding whether addresses without coordinates are geocoded by Amazon Location Service
 *     ({@code GEOCODING=amazon-location}, as the template sets it); anything else, and unset (the
 *     local runtime, tests), is off
 */
public record ContactsConfig(String verificationEmailFrom, boolean geocoding) {

  public static ContactsConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static ContactsConfig fromMap(Map<String, String> env) {
    String from = env.get("VERIFICATION_EMAIL_FROM");
    if (from == null || from.isBlank()) {
      throw new IllegalStateException("environment variable VERIFICATION_EMAIL_FROM is required");
    }
    return new ContactsConfig(from.trim(), "amazon-location".equals(env.get("GEOCODING")));
  }
}
