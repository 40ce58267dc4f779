package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/** Where an execution stands (spec Domain 3.2). completed, failed and cancelled are final. */
public enum ExecutionStatus implements Choice {
  PENDING,
  RUNNING,
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether nothing more happens to an execution in this status (retry aside, for failed). */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
