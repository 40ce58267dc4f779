package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;

/**
 * Where an audit review stands (spec Domain 4.2): opened {@code in_progress}, closed
 * {@code completed} or {@code cancelled}; a closed review is final.
 */
public enum AuditReviewStatus implements Choice {
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
