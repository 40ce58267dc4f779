package com.coditect.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.events.ParkedEvents;
import com.coditect.shared.store.ParkedEventRepository;
import com.coditect.testing.CloudTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml lets the publisher and the redrive do, and the stream settings and alarm
 * that parking relies on.
 */
class OutboxTemplateTest {

  private static final String TENANT = "0190a1b2-0000-7000-8000-0000000000aa";
  private static final OutboxRecord EVENT =
      new OutboxRecord(null, null, TENANT, "0190a1b2-0000-7000-8000-0000000000ee", "coditect.pm", "task.updated", "{}");

  @Test
  void thePublisherMayPutOnlyParkedEventItems() {
    Set<String> dynamoDbActions = new TreeSet<>();
    for (Map<?, ?> statement : statements("OutboxPublisherFunction")) {
      List<String> actions = actions(statement);
      actions.stream().filter(action -> action.startsWith("dynamodb:")).forEach(dynamoDbActions::add);
      if (actions.contains("dynamodb:PutItem")) {
        List<String> keys = leadingKeys(statement, "ForAllValues:StringLike");
        String parkedKey = ParkedEventRepository.key(EVENT).get("PK").s();
        assertTrue(keys.stream().anyMatch(glob -> matches(glob, parkedKey)), keys + " must allow " + parkedKey);
        for (String other : List.of("T#" + TENANT + "#OUTBOX#e", "T#" + TENANT + "#AUDIT", "T#" + TENANT + "#TASK#t",
            "PLATFORM#PARKED_EVENTS")) {
          assertFalse(keys.stream().anyMatch(glob -> matches(glob, other)), keys + " must not allow " + other);
        }
      }
    }
    assertEquals(Set.of("dynamodb:PutItem"), dynamoDbActions);
  }

  @Test
  void theRedriveMayListParkedEventsAndRemoveOnlyThem() {
    Set<String> dynamoDbActions = new TreeSet<>();
    for (Map<?, ?> statement : statements("OutboxRedriveFunction")) {
      List<String> actions = actions(statement);
      actions.stream().filter(action -> action.startsWith("dynamodb:")).forEach(dynamoDbActions::add);
      if (actions.contains("dynamodb:DeleteItem")) {
        assertEquals(List.of("dynamodb:DeleteItem"), actions);
        List<String> keys = leadingKeys(statement, "ForAllValues:StringLike");
        assertTrue(keys.stream().anyMatch(glob -> matches(glob, ParkedEventRepository.key(EVENT).get("PK").s())));
        assertFalse(keys.stream().anyMatch(glob -> matches(glob, "T#" + TENANT + "#OUTBOX#e")));
      }
      if (actions.contains("dynamodb:Query")) {
        assertTrue(String.valueOf(statement.get("Resource")).contains("/index/GSI1"), statement.toString());
      }
    }
    assertEquals(Set.of("dynamodb:DeleteItem", "dynamodb:Query"), dynamoDbActions);
    assertEquals("com.coditect.publisher.OutboxRedriveHandler::handleRequest",
        CloudTemplate.load().resourceProperties("OutboxRedriveFunction").get("Handler"));
    assertEquals(null, CloudTemplate.load().resourceProperties("OutboxRedriveFunction").get("Events"),
        "invoked by an operator only");
  }

  @Test
  void theStreamIsRetriedUntilItsRecordsExpireAndNeverMatchesAParkedItem() {
    Map<?, ?> stream = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) CloudTemplate.load()
        .resourceProperties("OutboxPublisherFunction").get("Events")).get("OutboxStream")).get("Properties");
    assertEquals(-1, ((Number) stream.get("MaximumRetryAttempts")).intValue(), "an outage delays, never drops");
    String filter = String.valueOf(stream.get("FilterCriteria"));
    assertTrue(filter.contains("\"OUTBOX\""), filter);
    assertFalse(filter.contains(ParkedEventRepository.ENTITY), "a parked item is not published by itself");
  }

  @Test
  void anAlarmWatchesTheParkedEventsMetric() {
    Map<String, Object> alarm = CloudTemplate.load().resourceProperties("ParkedEventsAlarm");
    assertEquals(ParkedEvents.METRIC_NAMESPACE, alarm.get("Namespace"));
    assertEquals(ParkedEvents.METRIC_NAME, alarm.get("MetricName"));
    assertEquals(null, alarm.get("Dimensions"), "the metric has no dimensions");
    assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
    assertEquals(0, ((Number) alarm.get("Threshold")).intValue());
  }

  /** IAM's StringLike: {@code *} is any run of characters, everything else literal. */
  private static boolean matches(String glob, String value) {
    return Pattern.matches(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")),
        value);
  }

  private static List<String> leadingKeys(Map<?, ?> statement, String operator) {
    Map<?, ?> condition = (Map<?, ?>) statement.get("Condition");
    assertTrue(condition != null, "a condition on the keys: " + statement);
    Map<?, ?> like = (Map<?, ?>) condition.get(operator);
    assertTrue(like != null, operator + " on the keys: " + statement);
    return ((List<?>) like.get("dynamodb:LeadingKeys")).stream().map(String::valueOf).toList();
  }

  private static List<Map<?, ?>> statements(String function) {
    List<Map<?, ?>> statements = new ArrayList<>();
    for (Object policy : (List<?>) CloudTemplate.load().resourceProperties(function).get("Policies")) {
      if (policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> list) {
        // What the function may do; the Deny of the audit keys every role has is AuditKeyPermissionsTest's.
        list.stream().map(statement -> (Map<?, ?>) statement)
            .filter(statement -> "Allow".equals(statement.get("Effect")))
            .forEach(statements::add);
      }
    }
    assertFalse(statements.isEmpty(), function + " has policy statements that allow");
    return statements;
  }

  private static List<String> actions(Map<?, ?> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
  }
}
