package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/** One step's state (spec Domain 3.3). completed, failed and skipped are final. */
public enum StepStatus implements Choice {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  SKIPPED
}
