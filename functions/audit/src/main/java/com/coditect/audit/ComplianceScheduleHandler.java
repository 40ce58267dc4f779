package com.coditect.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.audit.domain.MonthlyReports;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Target of the monthly schedule (template.yaml): requests last month's compliance reports of
 * every tenant. The month is taken from the event's {@code time}, so a late or repeated delivery
 * still means the month the schedule fired for.
 */
public final class ComplianceScheduleHandler implements RequestHandler<Map<String, Object>, MonthlyReports.Result> {

  private final MonthlyReports monthly;
  private final Clock clock;

  public ComplianceScheduleHandler() {
    this(DaggerAuditApiComponent.factory().create(AppConfig.fromEnvironment()));
  }

  ComplianceScheduleHandler(AuditApiComponent component) {
    this.monthly = component.monthlyReports();
    this.clock = component.clock();
  }

  @Override
  public MonthlyReports.Result handleRequest(Map<String, Object> event, Context context) {
    return monthly.requestPreviousMonth(firedAt(JsonTrees.of(event)));
  }

  private Instant firedAt(JsonNode event) {
    try {
      return event.hasNonNull("time") ? Instant.parse(event.path("time").asText()) : clock.instant();
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }
}
