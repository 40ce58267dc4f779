package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** A task's status (spec Domain 1.1), in the order the API lists them. */
public enum TaskStatus implements Choice {
  BACKLOG,
  TODO,
  IN_PROGRESS,
  IN_REVIEW,
  DONE,
  CANCELLED;

  /** Done or cancelled: what a completed sprint does not hand on. */
  public boolean isFinished() {
    return this == DONE || this == CANCELLED;
  }
}
