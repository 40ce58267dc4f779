package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/**
 * The kinds of node a definition is made of (API.md, "Workflow definition"). A {@code parallel}
 * node starts every outgoing branch at once; its {@code join} waits for all of them.
 */
public enum NodeType implements Choice {
  START,
  END,
  ACTION,
  APPROVAL,
  CONDITION,
  NOTIFICATION,
  WAIT,
  PARALLEL,
  JOIN
}
