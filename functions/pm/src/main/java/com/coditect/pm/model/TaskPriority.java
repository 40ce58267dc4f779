package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** A task's priority (spec Domain 1.1), lowest first. */
public enum TaskPriority implements Choice {
  LOW,
  MEDIUM,
  HIGH,
  URGENT
}
