package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/** One approver's decision (spec Domain 3.4); only a pending approval can be decided. */
public enum ApprovalStatus implements Choice {
  PENDING,
  APPROVED,
  REJECTED,
  EXPIRED
}
