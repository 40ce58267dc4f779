package com.coditect.audit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each choice list of the audit function spells, in the same order, what docs/openapi.json lists:
 * the wire and the error messages ("must be one of: ...") come from the enums.
 */
class ChoiceListsTest {

  private static final JsonNode DOCUMENT = document();

  @Test
  void severityIsTheAuditEntrysEnum() {
    assertEquals(documented("AuditEntry", "severity"), Choice.apiNames(Severity.class));
  }

  @Test
  void reviewStatusAndTypeAreTheAuditReviewsEnums() {
    assertEquals(documented("AuditReview", "status"), Choice.apiNames(AuditReviewStatus.class));
    assertEquals(documented("AuditReview", "review_type"), Choice.apiNames(AuditReviewType.class));
  }

  @Test
  void reportStatusAndTypeAreTheComplianceReportsEnums() {
    assertEquals(documented("ComplianceReport", "status"), Choice.apiNames(ComplianceReportStatus.class));
    assertEquals(documented("ComplianceReport", "report_type"), Choice.apiNames(ComplianceReportType.class));
  }

  @Test
  void breakReasonIsTheVerificationsEnum() {
    JsonNode firstBreak = DOCUMENT.path("components").path("schemas").path("ChainVerification")
        .path("properties").path("first_break").path("oneOf");
    List<String> reasons = new ArrayList<>();
    firstBreak.forEach(option -> reasons.addAll(OpenApiChoices.of(DOCUMENT, option.path("properties").path("reason"))));
    assertEquals(reasons, Choice.apiNames(ChainBreakReason.class));
  }

  /** The values of a schema's property, inline or a named enum schema it references. */
  private static List<String> documented(String schema, String property) {
    return OpenApiChoices.of(DOCUMENT,
        DOCUMENT.path("components").path("schemas").path(schema).path("properties").path(property));
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
