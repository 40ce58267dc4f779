package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rule and schedule of template.yaml that invokes a function parks what it cannot deliver in
 * a queue of the template's own: kept 14 days (a failure on a Friday evening is still there after
 * the weekend), encrypted, writable by that rule (SAM attaches no queue policy to a dead-letter
 * queue given by Arn), and watched by an alarm that fires on the first message.
 */
class ConsumerDeadLettersTest {

  private static final Set<String> RULE_TYPES = Set.of("EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2");
  private static final long FOURTEEN_DAYS = 1_209_600;

  private final Map<String, Object> resources = resources(CloudTemplate.load().document());

  @Test
  void everyRuleOfAFunctionHasADeadLetterQueueThatOutlivesAWeekendWithAPolicyAndAnAlarm() {
    List<String> rules = new ArrayList<>();
    forEachRule((ruleLogicalId, properties) -> {
      rules.add(ruleLogicalId);
      Object deadLetters = properties.get("DeadLetterConfig");
      assertTrue(deadLetters instanceof Map<?, ?>, ruleLogicalId + " has no DeadLetterConfig");
      Map<?, ?> config = (Map<?, ?>) deadLetters;
      assertFalse(config.containsKey("Type"), ruleLogicalId + ": SAM's own queue (Type) keeps messages 4 days and"
          + " has no alarm; name a queue of the template with Arn");
      String queue = getAttTarget(config.get("Arn"), "Arn");
      assertNotNull(queue, ruleLogicalId + ": DeadLetterConfig.Arn must be !GetAtt <queue>.Arn");

      Map<String, Object> queueResource = resource(queue);
      assertEquals("AWS::SQS::Queue", queueResource.get("Type"), queue);
      Map<String, Object> queueProperties = properties(queueResource);
      Object retention = queueProperties.get("MessageRetentionPeriod");
      assertNotNull(retention, queue + " keeps messages SQS's default 4 days");
      assertTrue(Long.parseLong(String.valueOf(retention)) >= FOURTEEN_DAYS, queue + " keeps messages " + retention
          + " s, less than 14 days");
      assertTrue(Boolean.TRUE.equals(queueProperties.get("SqsManagedSseEnabled")) || queueProperties.containsKey(
          "KmsMasterKeyId"), queue + " is not encrypted");

      assertTrue(ruleMaySend(queue, ruleLogicalId), "no queue policy lets " + ruleLogicalId + " send to " + queue);
      assertTrue(hasAlarm(queue), "no alarm on the first visible message of " + queue);
    });
    assertTrue(rules.size() >= 9, "the template's rules were not all found: " + rules);
  }

  @Test
  void theCancelledSprintRuleTargetsTheFunctionThatReleasesItsTasks() {
    List<String> targets = new ArrayList<>();
    forEachRule((ruleLogicalId, properties) -> {
      if (ruleLogicalId.endsWith("SprintCancelled")) {
        targets.add(ruleLogicalId);
      }
    });
    assertEquals(List.of("PmEventsFunctionSprintCancelled"), targets);
  }

  // ---------------------------------------------------------------------------------------------

  private interface RuleVisitor {
    void visit(String ruleLogicalId, Map<String, Object> properties);
  }

  /** Every function event that SAM turns into an EventBridge rule, by the rule's logical id. */
  private void forEachRule(RuleVisitor visitor) {
    resources.forEach((logicalId, value) -> {
      Map<String, Object> resource = map(value);
      if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
        return;
      }
      map(properties(resource).getOrDefault("Events", Map.of())).forEach((eventId, eventValue) -> {
        Map<String, Object> event = map(eventValue);
        if (RULE_TYPES.contains(String.valueOf(event.get("Type")))) {
          // SAM names the rule it generates <function logical id><event id>.
          visitor.visit(logicalId + eventId, properties(event));
        }
      });
    });
  }

  private boolean ruleMaySend(String queue, String ruleLogicalId) {
    for (Object value : resources.values()) {
      Map<String, Object> resource = map(value);
      if (!"AWS::SQS::QueuePolicy".equals(resource.get("Type"))) {
        continue;
      }
      Map<String, Object> properties = properties(resource);
      boolean forQueue = list(properties.get("Queues")).stream().anyMatch(q -> queue.equals(ref(q)));
      if (!forQueue) {
        continue;
      }
      for (Object statementValue : list(map(properties.get("PolicyDocument")).get("Statement"))) {
        Map<String, Object> statement = map(statementValue);
        boolean allows = "Allow".equals(statement.get("Effect"))
            && "events.amazonaws.com".equals(map(statement.get("Principal")).get("Service"))
            && list(statement.get("Action")).contains("sqs:SendMessage")
            && queue.equals(getAttTarget(statement.get("Resource"), "Arn"));
        Object condition = map(statement.getOrDefault("Condition", Map.of())).get("ArnEquals");
        boolean fromRule = condition != null && list(map(condition).get("aws:SourceArn")).stream()
            .anyMatch(arn -> ruleLogicalId.equals(getAttTarget(arn, "Arn")));
        if (allows && fromRule) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasAlarm(String queue) {
    for (Object value : resources.values()) {
      Map<String, Object> resource = map(value);
      if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
        continue;
      }
      Map<String, Object> alarm = properties(resource);
      boolean onQueue = list(alarm.get("Dimensions")).stream().map(ConsumerDeadLettersTest::map)
          .anyMatch(d -> "QueueName".equals(d.get("Name")) && queue.equals(getAttTarget(d.get("Value"), "QueueName")));
      if (onQueue && "AWS/SQS".equals(alarm.get("Namespace"))
          && "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName"))
          && "GreaterThanThreshold".equals(alarm.get("ComparisonOperator"))
          && "0".equals(String.valueOf(alarm.get("Threshold")))
          && alarm.containsKey("AlarmActions")) {
        return true;
      }
    }
    return false;
  }

  /** The resource a {@code !GetAtt Resource.attribute} (short or long form) names, or null. */
  private static String getAttTarget(Object value, String attribute) {
    if (!(value instanceof Map<?, ?> function) || !function.containsKey("Fn::GetAtt")) {
      return null;
    }
    Object target = function.get("Fn::GetAtt");
    if (target instanceof String dotted && dotted.endsWith("." + attribute)) {
      return dotted.substring(0, dotted.length() - attribute.length() - 1);
    }
    if (target instanceof List<?> parts && parts.size() == 2 && attribute.equals(parts.get(1))) {
      return String.valueOf(parts.get(0));
    }
    return null;
  }

  private static String ref(Object value) {
    return value instanceof Map<?, ?> function && function.get("Ref") != null ? String.valueOf(function.get("Ref")) : null;
  }

  private Map<String, Object> resource(String logicalId) {
    Object resource = resources.get(logicalId);
    assertNotNull(resource, "template.yaml has no resource " + logicalId);
    return map(resource);
  }

  private static Map<String, Object> resources(Map<String, Object> document) {
    return map(document.get("Resources"));
  }

  private static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.getOrDefault("Properties", Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  private static List<?> list(Object value) {
    if (value instanceof List<?> items) {
      return items;
    }
    return value == null ? List.of() : List.of(value);
  }
}
