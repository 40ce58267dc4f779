package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/** How an execution was started (spec Domain 3.2), and the kinds of a workflow's triggers. */
public enum TriggerType implements Choice {
  MANUAL,
  SCHEDULED,
  WEBHOOK,
  EVENT
}
