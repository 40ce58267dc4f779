package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;

/** The framework a compliance report maps the audit log to (spec Domain 4.3: {@code report_type}). */
public enum ComplianceReportType implements Choice {
  GDPR,
  HIPAA,
  SOC2,
  ISO27001
}
