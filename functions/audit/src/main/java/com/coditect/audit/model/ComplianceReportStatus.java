package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;

/**
 * Where a compliance report stands (spec Domain 4.3): requested {@code generating}, then
 * {@code completed} with its figures and PDF, or {@code failed} with a reason.
 */
public enum ComplianceReportStatus implements Choice {
  GENERATING,
  COMPLETED,
  FAILED
}
