package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.IamPolicy;
import com.coditect.testing.IamPolicy.Request;
import com.coditect.testing.TemplateIam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What template.yaml must say for compliance reports to be throttled as docs/audit.md describes. */
class ComplianceReportTemplateTest {

  private static final CloudTemplate TEMPLATE = CloudTemplate.load();
  private static final TemplateIam IAM = new TemplateIam(TEMPLATE);
  private static final String TENANT = "T#0191d3f2-7a00-7000-8000-000000000001";

  @Test
  void theHeavyFunctionsHaveReservedConcurrency() {
    assertEquals(10, TEMPLATE.resourceProperties("ComplianceReportFunction").get("ReservedConcurrentExecutions"),
        "the generator: ten at once");
    assertEquals(1, TEMPLATE.resourceProperties("ComplianceScheduleFunction").get("ReservedConcurrentExecutions"),
        "the schedule: one run at a time");
  }

  @Test
  void theApiClaimsAndTheGeneratorReleasesTheTenantsReportInFlight() {
    String table = IAM.arn("CoditectTable");
    String inFlight = TENANT + "#COMPLIANCE_REPORT_IN_FLIGHT";
    assertTrue(IAM.policyOf("AuditFunction").allows(Request.dynamoDb("dynamodb:PutItem", table, inFlight)));
    IamPolicy generator = IAM.policyOf("ComplianceReportFunction");
    assertTrue(generator.allows(Request.dynamoDb("dynamodb:UpdateItem", table, inFlight)));
  }

  @Test
  void browsersMayReadRetryAfter() {
    Map<?, ?> cors = (Map<?, ?>) TEMPLATE.resourceProperties("HttpApi").get("CorsConfiguration");
    assertTrue(((List<?>) cors.get("ExposeHeaders")).contains("Retry-After"), cors.toString());
  }
}
