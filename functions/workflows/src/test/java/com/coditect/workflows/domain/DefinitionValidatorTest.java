package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The static checks of a definition and its triggers, one rule at a time, on small graphs. */
class DefinitionValidatorTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final String U1 = "0190a6f0-0000-7000-8000-000000000001";
  private static final String U2 = "0190a6f0-0000-7000-8000-000000000002";
  private static final String T1 = "0190a6f0-0000-7000-8000-0000000000a1";

  /** The approval workflow of the issue: start, approval, action on success, notification on rejection. */
  static final String VALID = """
      {"nodes": [
        {"id": "start", "type": "start", "name": "Start"},
        {"id": "approve", "type": "approval", "name": "Approve",
         "config": {"approvers": {"user_ids": ["%s", "%s"], "team_ids": ["%s"]}, "quorum": 2, "expires_in": "PT48H",
                    "allow_requester": false, "rejections_to_reject": 1}},
        {"id": "urgent", "type": "condition", "name": "Urgent?"},
        {"id": "task", "type": "action", "name": "Follow-up",
         "config": {"action": "pm.create_task", "params": {"title": "=context.title & ' follow-up'", "priority": "high",
                    "tags": ["=trigger.detail.resource_id"]},
                    "retry": {"max_attempts": 3, "backoff": "PT10S", "backoff_rate": 2.0}, "timeout": "PT30S",
                    "output": "{'task_id': id}"}},
        {"id": "pause", "type": "wait", "name": "Cool down", "config": {"duration": "PT10M"}},
        {"id": "tell", "type": "notification", "name": "Tell", "config": {"message": "Rejected", "user_ids": ["%s"]}},
        {"id": "done", "type": "end", "name": "Done"}
      ],
      "edges": [
        {"from": "start", "to": "approve"},
        {"from": "approve", "to": "urgent"},
        {"from": "approve", "to": "tell", "on": "error"},
        {"from": "approve", "to": "tell", "on": "timeout"},
        {"from": "urgent", "to": "task", "condition": "context.priority = 'urgent'"},
        {"from": "urgent", "to": "pause"},
        {"from": "pause", "to": "task"},
        {"from": "task", "to": "done"},
        {"from": "task", "to": "tell", "on": "error"},
        {"from": "tell", "to": "done"}
      ]}
      """.formatted(U1, U2, T1, U1);

  @Test
  void acceptsTheApprovalWorkflowWithEveryTrigger() {
    String triggers = """
        [{"type": "manual"}, {"type": "scheduled", "expression": "cron(0 9 ? * MON-FRI *)"},
         {"type": "scheduled", "expression": "rate(5 minutes)"}, {"type": "scheduled", "expression": "rate(1 day)"},
         {"type": "webhook"},
         {"type": "event", "pattern": {"detail-type": ["task.created"], "detail": {"priority": ["urgent"]}}}]
        """;
    assertEquals(List.of(), DefinitionValidator.validate(json(VALID), json(triggers)));
  }

  @Test
  void reportsAMissingStartAndEndAndSecondStart() {
    assertEquals(Set.of("NO_START", "NO_END", "MISSING_NEXT"), codes("""
        {"nodes": [{"id": "a", "type": "notification", "config": {"message": "hi"}}], "edges": []}"""));
    List<DefinitionProblem> two = problems("""
        {"nodes": [{"id": "s1", "type": "start"}, {"id": "s2", "type": "start"}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s1", "to": "e"}, {"from": "s2", "to": "e"}]}""");
    assertEquals(List.of(new DefinitionProblem("s2", "MULTIPLE_START",
        "the definition needs exactly one start node; s1 is one already")), two);
  }

  @Test
  void reportsDuplicateIdsUnknownTypesAndMissingIds() {
    List<DefinitionProblem> found = problems("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "s", "type": "end"}, {"id": "x", "type": "teleport"},
                   {"type": "end"}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "x"}, {"from": "x", "to": "e"}]}""");
    assertTrue(found.contains(new DefinitionProblem("s", "DUPLICATE_NODE_ID", "nodes[1] repeats the id of an earlier node")));
    assertTrue(found.stream().anyMatch(p -> "x".equals(p.nodeId()) && p.code().equals("UNKNOWN_NODE_TYPE")), found.toString());
    assertTrue(found.stream().anyMatch(p -> p.code().equals("MISSING_NODE_ID")), found.toString());
    // The unknown node still counts as a node: its edges are not dangling.
    assertTrue(found.stream().noneMatch(p -> p.code().equals("DANGLING_EDGE")), found.toString());
  }

  @Test
  void reportsDanglingEdgesAndBadOutcomes() {
    List<DefinitionProblem> found = problems("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "n", "type": "notification", "config": {"message": "m"}},
                   {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "n"}, {"from": "n", "to": "e"}, {"from": "n", "to": "ghost"},
                   {"from": "n", "to": "e", "on": "error"}, {"from": "s", "to": "e", "on": "sideways"}]}""");
    assertTrue(found.contains(new DefinitionProblem("n", "DANGLING_EDGE", "edges[2] (n -> ghost) names no node ghost")),
        found.toString());
    assertTrue(found.stream().anyMatch(p -> "n".equals(p.nodeId()) && p.code().equals("INVALID_EDGE_OUTCOME")));
    assertTrue(found.contains(new DefinitionProblem("s", "INVALID_EDGE_OUTCOME",
        "edges[4].on must be one of [success, error, timeout]")), found.toString());
  }

  @Test
  void reportsUnreachableNodesAndNodesThatReachNoEnd() {
    List<DefinitionProblem> found = problems("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "e", "type": "end"},
                   {"id": "island", "type": "notification", "config": {"message": "m"}},
                   {"id": "trap", "type": "condition"}, {"id": "trap2", "type": "notification", "config": {"message": "m"}}],
         "edges": [{"from": "s", "to": "e"}, {"from": "island", "to": "e"}, {"from": "s", "to": "trap", "on": "success"}]}""");
    assertTrue(found.contains(new DefinitionProblem("island", "UNREACHABLE_NODE", "no path from the start node reaches it")));
    assertTrue(found.contains(new DefinitionProblem("trap", "NO_PATH_TO_END", "no path from it reaches an end node")));
    assertTrue(found.contains(new DefinitionProblem("trap", "NO_DEFAULT_BRANCH",
        "a condition node needs one outgoing edge without a condition, taken when no condition holds")));
    assertTrue(found.stream().anyMatch(p -> "s".equals(p.nodeId()) && p.code().equals("AMBIGUOUS_NEXT")));
    assertTrue(found.stream().anyMatch(p -> "trap2".equals(p.nodeId()) && p.code().equals("MISSING_NEXT")));
  }

  @Test
  void aConditionNeedsExactlyOneDefaultBranchAndOnlyItsEdgesCarryConditions() {
    List<DefinitionProblem> found = problems("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "c", "type": "condition"}, {"id": "e", "type": "end"},
                   {"id": "f", "type": "end"}],
         "edges": [{"from": "s", "to": "c", "condition": "true"}, {"from": "c", "to": "e"}, {"from": "c", "to": "f"}]}""");
    assertTrue(found.stream().anyMatch(p -> "c".equals(p.nodeId()) && p.code().equals("MULTIPLE_DEFAULT_BRANCHES")));
    assertTrue(found.stream().anyMatch(p -> "s".equals(p.nodeId()) && p.code().equals("UNEXPECTED_CONDITION")));
  }

  @Test
  void compilesEveryConditionParamAndOutputMapping() {
    ObjectNode definition = (ObjectNode) json(VALID);
    ObjectNode task = (ObjectNode) definition.get("nodes").get(3).get("config");
    ((ObjectNode) task.get("params")).put("title", "=context.title &");
    ((ArrayNode) task.get("params").get("tags")).set(0, MAPPER.getNodeFactory().textNode("=("));
    // Without the "=" marker a text is a text, however unlike JSONata it looks.
    ((ObjectNode) task.get("params")).put("note", "plain (text");
    task.put("output", "{'a': }");
    ((ObjectNode) definition.get("edges").get(4)).put("condition", "context.priority = = 'x'");
    List<DefinitionProblem> found = DefinitionValidator.validate(definition, null);
    List<String> invalid = found.stream().filter(p -> p.code().equals("INVALID_EXPRESSION"))
        .map(p -> p.nodeId() + " " + p.message().substring(0, p.message().indexOf(' '))).sorted().toList();
    assertEquals(List.of("task config.output", "task config.params.tags[0]", "task config.params.title",
        "urgent edges[4].condition"), invalid, found.toString());
  }

  @Test
  void anExpressionNestedBeyondTheParsersStackIsAProblemNotACrash() {
    String deep = "=" + "(".repeat(100_000) + "1" + ")".repeat(100_000);
    ObjectNode definition = (ObjectNode) json(VALID);
    ((ObjectNode) definition.get("nodes").get(3).get("config").get("params")).put("title", deep);
    List<DefinitionProblem> found = DefinitionValidator.validate(definition, null);
    assertEquals(List.of("INVALID_EXPRESSION"), found.stream().map(DefinitionProblem::code).toList(), found.toString());
  }

  @Test
  void approvalsNeedApproversAndAReachableQuorum() {
    assertEquals(Set.of("NO_APPROVERS"), codes(single("approval", "{\"approvers\": {\"user_ids\": []}}")));
    assertEquals(Set.of("NO_APPROVERS"), codes(single("approval", "{}")));
    assertEquals(Set.of("INVALID_QUORUM"), codes(single("approval",
        "{\"approvers\": {\"user_ids\": [\"" + U1 + "\"]}, \"quorum\": 2}")));
    assertEquals(Set.of("INVALID_QUORUM"), codes(single("approval",
        "{\"approvers\": {\"user_ids\": [\"" + U1 + "\"]}, \"quorum\": 0}")));
    // A team's size is known only at run time.
    assertEquals(Set.of(), codes(single("approval",
        "{\"approvers\": {\"user_ids\": [\"" + U1 + "\"], \"team_ids\": [\"" + T1 + "\"]}, \"quorum\": 3}")));
    assertEquals(Set.of("INVALID_CONFIG", "INVALID_DURATION"), codes(single("approval",
        "{\"approvers\": {\"user_ids\": [\"" + U1 + "\", \"nope\"]}, \"expires_in\": \"48 hours\"}")));
  }

  @Test
  void waitsNeedOneOfDurationOrUntil() {
    assertEquals(Set.of(), codes(single("wait", "{\"until\": \"2027-01-01T09:00:00Z\"}")));
    assertEquals(Set.of(), codes(single("wait", "{\"until\": \"=context.due_at\"}")));
    assertEquals(Set.of("INVALID_WAIT"), codes(single("wait", "{}")));
    assertEquals(Set.of("INVALID_WAIT"), codes(single("wait", "{\"duration\": \"PT1M\", \"until\": \"2027-01-01T09:00:00Z\"}")));
    assertEquals(Set.of("INVALID_WAIT"), codes(single("wait", "{\"until\": \"next tuesday\"}")));
    assertEquals(Set.of("INVALID_DURATION"), codes(single("wait", "{\"duration\": \"PT0S\"}")));
    assertEquals(Set.of("INVALID_DURATION"), codes(single("wait", "{\"duration\": \"-PT5M\"}")));
  }

  @Test
  void actionsNeedAKnownActionAndRetryWithinBounds() {
    assertEquals(Set.of("UNKNOWN_ACTION"), codes(single("action", "{\"action\": \"shell.exec\"}")));
    assertEquals(Set.of("INVALID_RETRY"), codes(single("action",
        "{\"action\": \"http.post\", \"retry\": {\"max_attempts\": 11}}")));
    assertEquals(Set.of("INVALID_RETRY"), codes(single("action",
        "{\"action\": \"http.post\", \"retry\": {\"max_attempts\": 2, \"backoff_rate\": 0.5}}")));
    assertEquals(Set.of("INVALID_DURATION"), codes(single("action",
        "{\"action\": \"http.post\", \"retry\": {\"backoff\": \"10s\"}, \"timeout\": \"PT30S\"}")));
    assertEquals(Set.of("INVALID_CONFIG"), codes(single("action", "{\"action\": \"http.post\", \"params\": [1]}")));
    assertEquals(Set.of("INVALID_CONFIG"), codes(single("notification", "{\"message\": \"\"}")));
    assertEquals(Set.of("INVALID_CONFIG"), codes(single("notification", "[]")));
  }

  @Test
  void aLoopNeedsAConditionWithMaxIterations() {
    String loop = """
        {"nodes": [{"id": "s", "type": "start"}, {"id": "work", "type": "notification", "config": {"message": "m"}},
                   {"id": "again", "type": "condition"%s}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "work"}, {"from": "work", "to": "again"},
                   {"from": "again", "to": "work", "condition": "context.more"}, {"from": "again", "to": "e"}]}""";
    assertEquals(List.of(new DefinitionProblem("work", "UNBOUNDED_LOOP",
        "the loop through work, again needs a condition node with config.max_iterations")), problems(loop.formatted("")));
    assertEquals(List.of(), problems(loop.formatted(", \"config\": {\"max_iterations\": 5}")));
    assertEquals(Set.of("INVALID_CONFIG", "UNBOUNDED_LOOP"), codes(loop.formatted(", \"config\": {\"max_iterations\": \"5\"}")));
    // A condition whose edge returns to itself is a loop of one node.
    assertEquals(Set.of("UNBOUNDED_LOOP"), codes("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "c", "type": "condition"}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "c"}, {"from": "c", "to": "c", "condition": "true"}, {"from": "c", "to": "e"}]}"""));
  }

  @Test
  void parallelBranchesMustMeetAtAJoin() {
    String parallel = """
        {"nodes": [{"id": "s", "type": "start"}, {"id": "p", "type": "parallel"},
                   {"id": "a", "type": "notification", "config": {"message": "a"}},
                   {"id": "b", "type": "notification", "config": {"message": "b"}},
                   {"id": "j", "type": "join"}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "p"}, {"from": "p", "to": "a"}, {"from": "p", "to": "b"},
                   {"from": "a", "to": "j"}, {"from": "b", "to": "j"}, {"from": "j", "to": "e"}]}""";
    assertEquals(List.of(), problems(parallel));
    assertEquals(Set.of("PARALLEL_WITHOUT_JOIN", "UNREACHABLE_NODE", "JOIN_WITHOUT_PARALLEL"),
        codes(parallel.replace("{\"from\": \"a\", \"to\": \"j\"}, {\"from\": \"b\", \"to\": \"j\"}",
            "{\"from\": \"a\", \"to\": \"e\"}, {\"from\": \"b\", \"to\": \"e\"}")));
    assertEquals(Set.of("JOIN_WITHOUT_PARALLEL"), codes("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "j", "type": "join"}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "j"}, {"from": "j", "to": "e"}]}"""));
    assertEquals(Set.of("PARALLEL_NEEDS_BRANCHES", "JOIN_WITHOUT_PARALLEL"), codes("""
        {"nodes": [{"id": "s", "type": "start"}, {"id": "p", "type": "parallel"}, {"id": "j", "type": "join"},
                   {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "p"}, {"from": "p", "to": "j"}, {"from": "j", "to": "e"}]}"""));
  }

  @Test
  void refusesADefinitionOverTwoHundredFiftySixKilobytes() {
    ObjectNode definition = (ObjectNode) json(VALID);
    // Multi-byte characters: the limit is in UTF-8 bytes, not characters.
    ((ObjectNode) definition.get("nodes").get(0)).put("description", "é".repeat(DefinitionValidator.MAX_DEFINITION_BYTES / 2));
    List<DefinitionProblem> found = DefinitionValidator.validate(definition, null);
    assertEquals(1, found.size());
    assertEquals("DEFINITION_TOO_LARGE", found.get(0).code());
    assertTrue(DefinitionValidator.sizeProblem(json(VALID)).isEmpty());
  }

  @Test
  void checksSchedulesWithQuartzAndPatternsWithEventRuler() {
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"cron(0 9 * * *)\"}]"));
    // Quartz: one of the two day fields must be "?".
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"cron(0 9 * * MON *)\"}]"));
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"cron(61 9 * * ? *)\"}]"));
    assertEquals(Set.of(), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"cron(0/15 8-17 ? * 2#1 2027)\"}]"));
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"rate(1 minutes)\"}]"));
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"rate(0 minutes)\"}]"));
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\", \"expression\": \"rate(5 weeks)\"}]"));
    assertEquals(Set.of("INVALID_SCHEDULE"), triggerCodes("[{\"type\": \"scheduled\"}]"));
    assertEquals(Set.of("INVALID_EVENT_PATTERN"),
        triggerCodes("[{\"type\": \"event\", \"pattern\": {\"detail-type\": \"task.created\"}}]"));
    assertEquals(Set.of("INVALID_EVENT_PATTERN"), triggerCodes("[{\"type\": \"event\", \"pattern\": {}}]"));
    assertEquals(Set.of("UNKNOWN_TRIGGER_TYPE"), triggerCodes("[{\"type\": \"carrier_pigeon\"}]"));
    assertEquals(Set.of("DUPLICATE_TRIGGER"), triggerCodes("[{\"type\": \"webhook\"}, {\"type\": \"webhook\"}]"));
    assertEquals(Set.of("DUPLICATE_TRIGGER"), triggerCodes("[{\"type\": \"event\", \"pattern\": {\"source\": [\"a\"]}},"
        + " {\"type\": \"event\", \"pattern\": {\"source\": [\"b\"]}}]"));
    assertEquals(Set.of("TOO_MANY_TRIGGERS"), triggerCodes("[" + String.join(", ",
        Collections.nCopies(11, "{\"type\": \"scheduled\", \"expression\": \"rate(1 day)\"}")) + "]"));
    assertEquals(Set.of("INVALID_TRIGGER"), triggerCodes("{\"type\": \"manual\"}"));
  }

  private static String single(String type, String config) {
    return """
        {"nodes": [{"id": "s", "type": "start"}, {"id": "n", "type": "%s", "config": %s}, {"id": "e", "type": "end"}],
         "edges": [{"from": "s", "to": "n"}, {"from": "n", "to": "e"}]}""".formatted(type, config);
  }

  private static Set<String> triggerCodes(String triggers) {
    return DefinitionValidator.validate(json(VALID), json(triggers)).stream().map(DefinitionProblem::code)
        .collect(Collectors.toSet());
  }

  private static Set<String> codes(String definition) {
    return problems(definition).stream().map(DefinitionProblem::code).collect(Collectors.toSet());
  }

  private static List<DefinitionProblem> problems(String definition) {
    return DefinitionValidator.validate(json(definition), null);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
