package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.testing.TemplateRules;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.testing.CloudTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleDispatcherTest {

  private static final String TARGET = RecordingHandler.class.getName() + "::handleRequest";

  @BeforeEach
  void reset() {
    RecordingHandler.RECEIVED.clear();
    RecordingHandler.FAILURES_LEFT.set(0);
  }

  private static RuleDispatcher dispatcher(String pattern) {
    return new RuleDispatcher(List.of(new TemplateRules.EventRule("AuditEverything", TARGET, pattern)),
        new FunctionRegistry(), "us-east-1");
  }

  private static OutboxRecord record(String source, String detailType) {
    return new OutboxRecord("1", null, null, "e-1", source, detailType,
        "{\"event_id\":\"e-1\",\"action\":\"" + detailType + "\"}");
  }

  @Test
  void deliversMatchingEventsAsEventBridgeEnvelopes() {
    RuleDispatcher rules = dispatcher("{\"source\":[{\"prefix\":\"coditect.\"}]}");
    assertEquals(1, rules.dispatch(List.of(record("coditect.tenancy", "user.created"), record("acme.other", "x"))));
    Map<String, Object> event = RecordingHandler.RECEIVED.get(0);
    assertEquals("user.created", event.get("detail-type"));
    assertEquals("coditect.tenancy", event.get("source"));
    assertEquals("e-1", ((Map<?, ?>) event.get("detail")).get("event_id"));
  }

  @Test
  void matchesOnDetailFieldsLikeEventBridge() {
    RuleDispatcher rules = dispatcher("{\"detail-type\":[\"task.updated\"],\"detail\":{\"action\":[\"task.updated\"]}}");
    assertEquals(0, rules.dispatch(List.of(record("coditect.pm", "task.created"))));
    assertEquals(1, rules.dispatch(List.of(record("coditect.pm", "task.updated"))));
  }

  @Test
  void aFailingTargetDelaysButNeverLosesEvents() {
    RecordingHandler.FAILURES_LEFT.set(2);
    RuleDispatcher rules = dispatcher("{\"source\":[\"coditect.tenancy\"]}");
    assertEquals(0, rules.dispatch(List.of(record("coditect.tenancy", "team.created"))));
    assertEquals(1, rules.backlog());
    assertEquals(0, rules.deliverPending());
    assertEquals(1, rules.deliverPending());
    assertEquals(0, rules.backlog());
    assertEquals(1, RecordingHandler.RECEIVED.size());
  }

  @Test
  void twoFunctionsWithAnEventOfTheSameNameEachGetTheirEvents() {
    // Both PmEventsFunction and TenancyEventsFunction have a UserDeleted event: SAM makes two rules.
    String template = String.join("\n",
        "Resources:",
        "  PmEventsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Handler: " + TARGET,
        "      Events:",
        "        UserDeleted:",
        "          Type: EventBridgeRule",
        "          Properties:",
        "            Pattern: {source: [coditect.tenancy], detail-type: [user.deleted]}",
        "  TenancyEventsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Handler: " + RecordingHandler.class.getName(),
        "      Events:",
        "        UserDeleted:",
        "          Type: EventBridgeRule",
        "          Properties:",
        "            Pattern: {source: [coditect.tenancy], detail-type: [user.deleted]}",
        "");
    TemplateRules rules = new TemplateRules(CloudTemplate.parse(template));
    assertEquals(List.of("PmEventsFunctionUserDeleted", "TenancyEventsFunctionUserDeleted"),
        rules.eventRules().stream().map(TemplateRules.EventRule::logicalId).sorted().toList());

    RuleDispatcher dispatcher = new RuleDispatcher(rules.eventRules(), new FunctionRegistry(), "us-east-1");
    assertEquals(2, dispatcher.dispatch(List.of(record("coditect.tenancy", "user.deleted"))));
    assertEquals(2, RecordingHandler.RECEIVED.size());
    assertEquals(1, dispatcher.deliveries("PmEventsFunctionUserDeleted"));
    assertEquals(1, dispatcher.deliveries("TenancyEventsFunctionUserDeleted"));
  }

  @Test
  void countsOnlyDeliveriesThatSucceeded() {
    RecordingHandler.FAILURES_LEFT.set(1);
    RuleDispatcher rules = dispatcher("{\"source\":[\"coditect.tenancy\"]}");
    rules.dispatch(List.of(record("coditect.tenancy", "team.created")));
    assertEquals(0, rules.deliveries("AuditEverything"));
    rules.deliverPending();
    assertEquals(1, rules.deliveries("AuditEverything"));
  }

  @Test
  void anInvalidPatternInTheTemplateFailsAtStart() {
    assertThrows(IllegalStateException.class, () -> dispatcher("{\"source\": \"not-an-array\"}"));
  }
}
