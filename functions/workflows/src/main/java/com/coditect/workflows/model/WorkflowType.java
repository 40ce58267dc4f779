package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/** What a workflow is for (spec Domain 3.1), a filter of the workflow list. */
public enum WorkflowType implements Choice {
  APPROVAL,
  AUTOMATION,
  REVIEW,
  DEPLOYMENT,
  CUSTOM
}
