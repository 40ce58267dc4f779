package com.coditect.workflows.domain;

import com.coditect.shared.log.Log;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Matches one event, as EventBridge delivers it ({@code source}, {@code detail-type},
 * {@code detail}...), against a tenant's event-trigger patterns with AWS Event Ruler, the matcher
 * EventBridge itself uses, so a pattern means here what it means in a rule.
 */
public final class EventTriggerMatcher {

  private static final Log LOG = Log.forClass(EventTriggerMatcher.class);

  /** One workflow's pattern (EventBridge pattern JSON). */
  public record Trigger(String workflowId, String pattern) {}

  private final Machine machine = new Machine();

  /**
   * A matcher of {@code triggers}. A pattern Event Ruler refuses (none should: publishing checks
   * it) is left out with a warning rather than failing the event for every other workflow.
   */
  public EventTriggerMatcher(List<Trigger> triggers) {
    for (Trigger trigger : triggers) {
      String problem = JsonRuleCompiler.check(trigger.pattern());
      if (problem != null) {
        LOG.warn("event trigger pattern skipped", "workflow_id", trigger.workflowId(), "problem", problem);
        continue;
      }
      try {
        machine.addRule(trigger.workflowId(), trigger.pattern());
      } catch (IOException | RuntimeException e) {
        LOG.warn("event trigger pattern skipped", "workflow_id", trigger.workflowId(), "problem", e.getMessage());
      }
    }
  }

  /** The workflows whose pattern the event (EventBridge envelope JSON) matches, each once. */
  public Set<String> matches(String envelopeJson) {
    try {
      return new LinkedHashSet<>(machine.rulesForJSONEvent(envelopeJson));
    } catch (Exception e) {
      throw new IllegalArgumentException("the event is not JSON Event Ruler can read", e);
    }
  }
}
