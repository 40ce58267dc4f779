package com.coditect.audit.api;

import com.coditect.audit.data.ComplianceReportItem;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A compliance report as the API shows it (spec Domain 4.3). {@code report_data} is {@code {}}
 * until the report is completed; {@code file_url} is the route that redirects to its PDF.
 */
public record ComplianceReportResponse(
    String id, String reportType, String periodStart, String periodEnd, String status, JsonNode reportData,
    String filePath, String fileUrl, String generatedBy, String failureReason, String createdAt, String completedAt) {

  public static ComplianceReportResponse of(ComplianceReportItem item) {
    return new ComplianceReportResponse(item.id(), item.reportType().apiName(), item.periodStart(), item.periodEnd(),
        item.status().apiName(),
        item.reportData() == null ? JsonNodeFactory.instance.objectNode() : Json.readTree(item.reportData()),
        item.filePath(), item.filePath() == null ? null : "/v1/compliance-reports/" + item.id() + "/file",
        item.generatedBy(), item.failureReason(), item.createdAt(), item.completedAt());
  }
}
