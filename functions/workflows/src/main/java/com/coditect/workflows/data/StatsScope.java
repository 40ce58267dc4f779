package com.coditect.workflows.data;

import com.coditect.shared.domain.Choice;

/**
 * What one day aggregate of a workflow counts: the workflow's executions, one step (node) of its
 * definition, or one approver's decisions. Stored as the lower-case name; the sort key's scope
 * label is the upper-case one.
 */
public enum StatsScope implements Choice {
  WORKFLOW("WF"),
  STEP("STEP"),
  APPROVER("APPROVER");

  private final String keyLabel;

  StatsScope(String keyLabel) {
    this.keyLabel = keyLabel;
  }

  public String keyLabel() {
    return keyLabel;
  }
}
