package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/**
 * A workflow's lifecycle (spec Domain 3.1): draft → active (published) → paused → archived. Only an
 * active workflow starts executions; a paused one may be published again, an archived one never.
 */
public enum WorkflowStatus implements Choice {
  DRAFT,
  ACTIVE,
  PAUSED,
  ARCHIVED
}
