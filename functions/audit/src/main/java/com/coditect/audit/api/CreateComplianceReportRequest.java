package com.coditect.audit.api;

import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * {@code POST /v1/compliance-reports}: the framework and the period (both dates included). Syntax
 * only; the period's rules (order, not in the future, at most a year) are the service's (422).
 */
public record CreateComplianceReportRequest(ComplianceReportType reportType, LocalDate periodStart, LocalDate periodEnd) {

  public static CreateComplianceReportRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateComplianceReportRequest(
        fields.requiredChoice("report_type", ComplianceReportType.class),
        fields.requiredDate("period_start"),
        fields.requiredDate("period_end"));
    fields.finish();
    return request;
  }
}
