package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** A milestone's status, set by clients; declared in the spec's order, which messages list. */
public enum MilestoneStatus implements Choice {
  OPEN,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
