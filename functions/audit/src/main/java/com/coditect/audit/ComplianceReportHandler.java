package com.coditect.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.audit.domain.ComplianceReportGenerator;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the compliance report named by a {@code compliance_report.requested} event (the rule
 * in template.yaml). A report no longer generating is left alone, so redeliveries are harmless. A
 * generation that fails marks the report failed; only a failure to read or finish the report item
 * throws, so EventBridge retries it and finally keeps the event in the DLQ.
 */
public final class ComplianceReportHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(ComplianceReportHandler.class);

  private final ComplianceReportGenerator generator;

  public ComplianceReportHandler() {
    this(DaggerReportGeneratorComponent.factory().create(AppConfig.fromEnvironment()));
  }

  ComplianceReportHandler(ReportGeneratorComponent component) {
    this.generator = component.complianceReportGenerator();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    JsonNode detail = event.detail();
    if (!detail.hasNonNull("tenant_id") || !detail.hasNonNull("resource_id")) {
      LOG.info("report request without tenant or report id ignored");
      return;
    }
    String reportId = detail.path("resource_id").asText();
    var outcome = generator.generate(new TenantId(detail.path("tenant_id").asText()), reportId);
    LOG.info("compliance report " + outcome.name().toLowerCase(Locale.ROOT), "report_id", reportId);
  }
}
