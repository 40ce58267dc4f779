package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** A task's type (spec Domain 1.1). */
public enum TaskType implements Choice {
  TASK,
  BUG,
  FEATURE,
  EPIC
}
