package com.coditect.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event rules and schedules of template.yaml that target functions: SAM function events of
 * type EventBridgeRule / CloudWatchEvent (a pattern) and Schedule / ScheduleV2 (an expression). The
 * local runtime delivers by them, and tests route events by them as EventBridge would.
 */
public final class TemplateRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A rule delivering events that match {@code pattern} to a function. {@code logicalId} is the
   * logical id SAM gives the rule it generates, {@code <function logical id><event id>}: unique in
   * the template, where event ids alone are not (two functions may each have a {@code UserDeleted}).
   */
  public record EventRule(String logicalId, String handler, String pattern) {}

  /** A rule invoking a function on {@code rate(...)} or {@code cron(...)}. */
  public record ScheduleRule(String name, String handler, String expression) {}

  private final List<EventRule> eventRules = new ArrayList<>();
  private final List<ScheduleRule> schedules = new ArrayList<>();

  @SuppressWarnings("unchecked")
  public TemplateRules(CloudTemplate template) {
    Map<String, Object> document = template.document();
    Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) document
        .getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of());
    Map<String, Object> resources = (Map<String, Object>) document.get("Resources");
    resources.forEach((logicalId, value) -> {
      Map<String, Object> resource = (Map<String, Object>) value;
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        return;
      }
      Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
      String handler = String.valueOf(properties.getOrDefault("Handler", globals.get("Handler")));
      Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
      events.forEach((eventId, eventValue) -> {
        Map<String, Object> event = (Map<String, Object>) eventValue;
        Map<String, Object> eventProperties = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
        String name = String.valueOf(eventProperties.getOrDefault("Name", eventId));
        switch (String.valueOf(event.get("Type"))) {
          case "EventBridgeRule", "CloudWatchEvent" ->
              eventRules.add(new EventRule(logicalId + eventId, handler, toJson(eventProperties.get("Pattern"))));
          case "Schedule" -> schedules.add(new ScheduleRule(name, handler, String.valueOf(eventProperties.get("Schedule"))));
          case "ScheduleV2" ->
              schedules.add(new ScheduleRule(name, handler, String.valueOf(eventProperties.get("ScheduleExpression"))));
          default -> { }
        }
      });
    });
  }

  public List<EventRule> eventRules() {
    return List.copyOf(eventRules);
  }

  public List<ScheduleRule> schedules() {
    return List.copyOf(schedules);
  }

  private static String toJson(Object pattern) {
    try {
      return pattern instanceof String text ? text : JSON.writeValueAsString(pattern);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable event pattern", e);
    }
  }
}
