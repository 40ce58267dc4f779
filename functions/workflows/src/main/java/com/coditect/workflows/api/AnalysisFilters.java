package com.coditect.workflows.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.http.ApiRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /v1/workflows/{workflow_id}/analysis}: the period's first and last UTC
 * days ({@code from}, {@code to}, both included; null: the default) and the {@code version}
 * (null: all versions together).
 */
public record AnalysisFilters(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long version) {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,8}");

  public static AnalysisFilters of(ApiRequest request) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate from = date(request, "from", errors);
    LocalDate to = date(request, "to", errors);
    String version = request.queryParameter("version").orElse(null);
    if (version != null && !VERSION.matcher(version).matches()) {
      errors.add(new FieldError("version", "must be a whole number from 1"));
    }
    if (!errors.isEmpty()) {
      throw new BadRequestException("The query has invalid parameters.", errors);
    }
    return new AnalysisFilters(from, to, version == null ? null : Long.valueOf(version));
  }

  private static @Nullable LocalDate date(ApiRequest request, String name, List<FieldError> errors) {
    String value = request.queryParameter(name).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a date (YYYY-MM-DD)"));
    return null;
  }
}
