package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/**
 * A sprint's place in its lifecycle: planned, then active (at most one per project), then
 * completed; or cancelled while still planned. Declared in the spec's order, which messages list.
 */
public enum SprintStatus implements Choice {
  PLANNED,
  ACTIVE,
  COMPLETED,
  CANCELLED
}
