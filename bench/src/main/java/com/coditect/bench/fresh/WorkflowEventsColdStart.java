package com.coditect.bench.fresh;

import com.coditect.workflows.WorkflowEventsHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cold start of the workflows' events function: its public constructor (as Lambda calls it),
 * then one late {@code timer.fired} (a wait's) for the first step of the finished execution given
 * as {@code -Dbench.execution_id} / {@code -Dbench.step_id} in the tenant {@code -Dbench.tenant_id}.
 * The engine reads the execution with its steps (one Query) and, fresh, the definition of the
 * version it is pinned to (one GetItem, parsed), finds the step no longer running and changes
 * nothing, so every run sees the same state.
 */
public final class WorkflowEventsColdStart {

  private WorkflowEventsColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant_id", System.getProperty("bench.tenant_id"));
    detail.put("execution_id", System.getProperty("bench.execution_id"));
    detail.put("step_id", System.getProperty("bench.step_id"));
    detail.put("purpose", "wait");
    detail.put("due_at", "2026-12-03T10:00:00.000Z");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("version", "0");
    envelope.put("id", "00000000-0000-7000-8000-00000000be01");
    envelope.put("source", "workflows.schedules");
    envelope.put("detail-type", "timer.fired");
    envelope.put("detail", detail);

    WorkflowEventsHandler handler = new WorkflowEventsHandler();
    timing.ready();
    // A failure throws, as the Lambda runtime would see it.
    handler.handleRequest(envelope, null);
    timing.responded();
    System.exit(0);
  }
}
