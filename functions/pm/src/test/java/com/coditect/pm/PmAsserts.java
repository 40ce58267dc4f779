package com.coditect.pm;

import com.coditect.testing.HttpEvents;
import java.util.Map;

/** The small checks and event-building steps every PM route test uses. */
final class PmAsserts {

  private PmAsserts() {}

  /** The event with verified claims, or without any (an unauthenticated request) when null. */
  static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }

  /** The event with an If-Match header, or without one when null. */
  static HttpEvents.Builder withIfMatch(HttpEvents.Builder event, String ifMatch) {
    return ifMatch == null ? event : event.header("If-Match", ifMatch);
  }
}
