package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;

/** What an audit review examines (spec Domain 4.2). */
public enum AuditReviewType implements Choice {
  SECURITY,
  COMPLIANCE,
  ACCESS,
  DATA
}
