package com.coditect.workflows.model;

import com.coditect.shared.domain.Choice;

/**
 * Which outcome of its source node an edge follows ({@code on}): success (the default), error
 * (the node failed after its retries) or timeout (the node's time ran out: an action's timeout, an
 * approval's {@code expires_in}).
 */
public enum EdgeOutcome implements Choice {
  SUCCESS,
  ERROR,
  TIMEOUT
}
