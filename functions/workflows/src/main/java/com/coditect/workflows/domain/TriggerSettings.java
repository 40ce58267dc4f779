package com.coditect.workflows.domain;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a workflow's triggers ask of the platform besides the workflow itself: a webhook secret, an
 * event-trigger row, recurring schedules. A workflow has at most one webhook and one event trigger
 * (the validator says so; an EventBridge pattern takes {@code $or} for more); the n-th scheduled
 * trigger's schedule is named {@code s-<workflow id>-<n>} (n from 1), so its name follows from the
 * triggers alone and removing it needs no lookup.
 */
public record TriggerSettings(boolean webhook, Optional<String> eventPattern, List<String> scheduleExpressions) {

  /** The settings of triggers stored as JSON text. */
  public static TriggerSettings of(String triggersJson) {
    try {
      return of(JsonText.parse(triggersJson));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored triggers are not JSON", e);
    }
  }

  public static TriggerSettings of(JsonNode triggers) {
    boolean webhook = false;
    String pattern = null;
    List<String> schedules = new ArrayList<>();
    for (JsonNode trigger : triggers) {
      String type = trigger.path("type").asText("");
      if (type.equals(TriggerType.WEBHOOK.apiName())) {
        webhook = true;
      } else if (type.equals(TriggerType.EVENT.apiName()) && pattern == null && trigger.path("pattern").isObject()) {
        pattern = JsonText.write(trigger.path("pattern"));
      } else if (type.equals(TriggerType.SCHEDULED.apiName()) && trigger.path("expression").isTextual()) {
        schedules.add(trigger.path("expression").asText());
      }
    }
    return new TriggerSettings(webhook, Optional.ofNullable(pattern), List.copyOf(schedules));
  }

  /** The names of this workflow's recurring schedules, in the order of its scheduled triggers. */
  public List<String> scheduleNames(String workflowId) {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= scheduleExpressions.size(); n++) {
      names.add(scheduleName(workflowId, n));
    }
    return names;
  }

  /** {@code s-<workflow id>-<n>}: 2 + 36 + 1 + at most 2 characters, within Scheduler's 64. */
  public static String scheduleName(String workflowId, int n) {
    return "s-" + workflowId + "-" + n;
  }
}
