package com.coditect.audit.api;

import com.coditect.audit.model.Severity;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.store.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The filters of {@code GET /v1/audit-logs}, each checked: a bad one is a 400 naming it.
 */
public record AuditLogFilters(
    Optional<String> userId, Optional<String> action, Optional<String> resourceType, Optional<String> resourceId,
    Optional<Severity> severity, Optional<Instant> from, Optional<Instant> to) {

  /** Spec: action, resource_type are CharField(100); resource_id CharField(255). */
  private static final int NAME_LENGTH = 100;
  private static final int RESOURCE_ID_LENGTH = 255;

  public static AuditLogFilters from(ApiRequest request) {
    Optional<String> userId = request.uuidQueryParameter("user_id");
    Optional<String> action = request.queryParameter("action").map(value -> text("action", value, NAME_LENGTH));
    Optional<String> resourceType =
        request.queryParameter("resource_type").map(value -> text("resource_type", value, NAME_LENGTH));
    Optional<String> resourceId =
        request.queryParameter("resource_id").map(value -> text("resource_id", value, RESOURCE_ID_LENGTH));
    Optional<Severity> severity = request.choiceQueryParameter("severity", Severity.class);
    Optional<Instant> from = request.queryParameter("from").map(value -> instant("from", value));
    Optional<Instant> to = request.queryParameter("to").map(value -> instant("to", value));
    return new AuditLogFilters(userId, action, resourceType, resourceId, severity, from, to);
  }

  /** Every filter and its value, for binding a cursor to the filters it was made with. */
  public String describe() {
    return String.join("|", userId.orElse(""), action.orElse(""), resourceType.orElse(""), resourceId.orElse(""),
        severity.map(Choice::apiName).orElse(""), from.map(Instant::toString).orElse(""),
        to.map(Instant::toString).orElse(""));
  }

  private static String text(String field, String value, int maxLength) {
    if (value.isBlank() || value.length() > maxLength) {
      throw BadRequestException.forField(field, "must be 1 to " + maxLength + " characters");
    }
    // These values become segments of a list's key, where '#' separates segments; no action,
    // resource type or resource id the platform records contains one.
    if (value.indexOf('#') >= 0) {
      throw BadRequestException.forField(field, "must not contain '#'");
    }
    return value;
  }

  private static Instant instant(String field, String value) {
    try {
      return Timestamps.parse(value);
    } catch (DateTimeParseException e) {
      throw BadRequestException.forField(field, "must be an RFC 3339 date-time or a date (YYYY-MM-DD)");
    }
  }
}
