package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** The kind of a board; declared in the spec's order, which messages list. */
public enum BoardType implements Choice {
  KANBAN,
  SCRUM,
  CUSTOM
}
