package com.coditect.workflows.domain;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.json.JsonText;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.NodeType;
import com.coditect.workflows.model.TriggerType;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * The static checks of a workflow's definition and triggers (issue #14, API.md "Workflow
 * definition"), run by {@code POST .../validate}, before publishing, and before an edit of a
 * published workflow is kept. Pure: it reads what it is given and returns every problem it finds,
 * each with a stable code, so a client can show them all at once rather than one per attempt.
 */
public final class DefinitionValidator {

  /** EventBridge's event size: a definition travels in events (step.started carries a node's config). */
  public static final int MAX_DEFINITION_BYTES = 256 * 1024;
  static final int MAX_NODE_ID = 100;
  static final int MAX_NODE_NAME = 255;
  static final int MAX_TRIGGERS = 10;
  static final int MAX_ATTEMPTS = 10;
  static final double MAX_BACKOFF_RATE = 10.0;
  static final int MAX_ITERATIONS = 10_000;
  /** The actions an action node may ask for; each has a consumer that does the work. */
  public static final Set<String> ACTIONS = Set.of("pm.create_task", "dms.set_document_status", "http.post");

  private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$");
  private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
  /** Outcomes other than success: only these node types fail or time out on their own. */
  private static final Set<NodeType> MAY_FAIL = EnumSet.of(NodeType.ACTION, NodeType.APPROVAL);
  /** Types that follow exactly one success edge (condition chooses, parallel forks, end stops). */
  private static final Set<NodeType> SINGLE_NEXT = EnumSet.of(NodeType.START, NodeType.ACTION, NodeType.APPROVAL,
      NodeType.NOTIFICATION, NodeType.WAIT, NodeType.JOIN);

  private DefinitionValidator() {}

  /** Every problem of {@code definition} and {@code triggers} (either may be null: nothing to check). */
  public static List<DefinitionProblem> validate(JsonNode definition, JsonNode triggers) {
    List<DefinitionProblem> problems = new ArrayList<>();
    Optional<DefinitionProblem> tooLarge = sizeProblem(definition);
    if (tooLarge.isPresent()) {
      // Nothing more is read from a definition that can never be stored or sent.
      problems.add(tooLarge.get());
      return problems;
    }
    if (definition != null && definition.isObject()) {
      new Graph(definition, problems).check();
    } else {
      problems.add(DefinitionProblem.of("INVALID_DEFINITION", "the definition must be an object with nodes and edges"));
    }
    checkTriggers(triggers, problems);
    return problems;
  }

  /** The one check a draft must pass too: it must fit where it is stored and sent. */
  public static Optional<DefinitionProblem> sizeProblem(JsonNode definition) {
    if (definition == null) {
      return Optional.empty();
    }
    int bytes = JsonText.write(definition).getBytes(StandardCharsets.UTF_8).length;
    return bytes > MAX_DEFINITION_BYTES
        ? Optional.of(DefinitionProblem.of("DEFINITION_TOO_LARGE",
            "the definition is " + bytes + " bytes of UTF-8 JSON; at most " + MAX_DEFINITION_BYTES + " are allowed"))
        : Optional.empty();
  }

  // ---------------------------------------------------------------- triggers

  private static void checkTriggers(JsonNode triggers, List<DefinitionProblem> problems) {
    if (triggers == null || triggers.isNull() || triggers.isMissingNode()) {
      return;
    }
    if (!triggers.isArray()) {
      problems.add(DefinitionProblem.of("INVALID_TRIGGER", "triggers must be a list"));
      return;
    }
    if (triggers.size() > MAX_TRIGGERS) {
      problems.add(DefinitionProblem.of("TOO_MANY_TRIGGERS", "at most " + MAX_TRIGGERS + " triggers are allowed"));
    }
    Set<TriggerType> once = EnumSet.noneOf(TriggerType.class);
    for (int i = 0; i < triggers.size(); i++) {
      JsonNode trigger = triggers.get(i);
      String where = "triggers[" + i + "]";
      Optional<TriggerType> type = Choice.fromApiName(TriggerType.class, trigger.path("type").asText(""));
      if (type.isEmpty()) {
        problems.add(DefinitionProblem.of("UNKNOWN_TRIGGER_TYPE", where + ".type must be one of "
            + Choice.apiNames(TriggerType.class)));
        continue;
      }
      switch (type.get()) {
        case MANUAL, WEBHOOK -> duplicate(once, type.get(), where, problems);
        case SCHEDULED -> scheduleProblem(trigger.path("expression")).ifPresent(message ->
            problems.add(DefinitionProblem.of("INVALID_SCHEDULE", where + ".expression " + message)));
        case EVENT -> {
          duplicate(once, type.get(), where, problems);
          eventPatternProblem(trigger.path("pattern")).ifPresent(message ->
              problems.add(DefinitionProblem.of("INVALID_EVENT_PATTERN", where + ".pattern " + message)));
        }
      }
    }
  }

  /** One manual, webhook or event trigger per workflow: an event pattern takes $or for more cases. */
  private static void duplicate(Set<TriggerType> once, TriggerType type, String where,
      List<DefinitionProblem> problems) {
    if (!once.add(type)) {
      problems.add(DefinitionProblem.of("DUPLICATE_TRIGGER", where + ": a workflow has at most one "
          + type.apiName() + " trigger"));
    }
  }

  /**
   * What is wrong with an EventBridge Scheduler expression: {@code rate(n unit)} (n at least 1; the
   * unit singular for 1, plural otherwise, as EventBridge wants) or {@code cron(...)} of six fields
   * (minutes, hours, day of month, month, day of week, year) in Quartz's syntax, which Quartz's
   * parser checks with a seconds field put in front.
   */
  static Optional<String> scheduleProblem(JsonNode expression) {
    if (!expression.isTextual()) {
      return Optional.of("must be a cron(...) or rate(...) expression");
    }
    String text = expression.asText();
    Matcher rate = RATE.matcher(text);
    if (rate.matches()) {
      long amount;
      try {
        amount = Long.parseLong(rate.group(1));
      } catch (NumberFormatException e) {
        return Optional.of("has a rate too large: " + text);
      }
      boolean singular = !rate.group(2).endsWith("s");
      if (amount < 1) {
        return Optional.of("must have a rate of at least 1: " + text);
      }
      if (singular != (amount == 1)) {
        return Optional.of("must say " + (amount == 1 ? "1 minute, 1 hour or 1 day" : "minutes, hours or days")
            + ": " + text);
      }
      return Optional.empty();
    }
    Matcher cron = CRON.matcher(text);
    if (!cron.matches()) {
      return Optional.of("must be cron(minutes hours day-of-month month day-of-week year) or rate(n unit): " + text);
    }
    String fields = cron.group(1).trim();
    if (fields.split("\\s+").length != 6) {
      return Optional.of("must have six fields (minutes hours day-of-month month day-of-week year): " + text);
    }
    try {
      CronExpression.validateExpression("0 " + fields);
      return Optional.empty();
    } catch (ParseException | RuntimeException e) {
      // Quartz reports most mistakes as a ParseException, some odd ones as a runtime exception.
      return Optional.of("is not a valid cron expression (" + e.getMessage() + "): " + text);
    }
  }

  /** What is wrong with an event pattern, as Event Ruler (the matcher that runs it) sees it. */
  static Optional<String> eventPatternProblem(JsonNode pattern) {
    if (!pattern.isObject() || pattern.isEmpty()) {
      return Optional.of("must be a non-empty EventBridge event pattern object");
    }
    String error;
    try {
      error = JsonRuleCompiler.check(JsonText.write(pattern));
    } catch (RuntimeException e) {
      error = e.getMessage();
    }
    return error == null ? Optional.empty() : Optional.of("does not compile: " + error);
  }

  // ---------------------------------------------------------------- the graph

  /** One pass over the nodes and edges; the structural checks share what it reads. */
  private static final class Graph {

    private final JsonNode definition;
    private final List<DefinitionProblem> problems;
    /** Nodes by id, in definition order; a duplicate id keeps its first node. */
    private final Map<String, NodeType> types = new LinkedHashMap<>();
    private final Map<String, JsonNode> configs = new HashMap<>();
    private final Map<String, List<String>> next = new HashMap<>();
    private final Map<String, List<String>> previous = new HashMap<>();

    Graph(JsonNode definition, List<DefinitionProblem> problems) {
      this.definition = definition;
      this.problems = problems;
    }

    void check() {
      readNodes();
      readEdges();
      List<String> starts = ofType(NodeType.START);
      if (starts.isEmpty()) {
        problems.add(DefinitionProblem.of("NO_START", "the definition needs exactly one start node; it has none"));
      } else if (starts.size() > 1) {
        starts.subList(1, starts.size()).forEach(id -> problems.add(DefinitionProblem.at(id, "MULTIPLE_START",
            "the definition needs exactly one start node; " + starts.get(0) + " is one already")));
      }
      List<String> ends = ofType(NodeType.END);
      if (ends.isEmpty()) {
        problems.add(DefinitionProblem.of("NO_END", "the definition needs at least one end node"));
      }
      if (starts.size() == 1) {
        Set<String> reached = reach(List.of(starts.get(0)), next);
        types.keySet().stream().filter(id -> !reached.contains(id)).forEach(id ->
            problems.add(DefinitionProblem.at(id, "UNREACHABLE_NODE", "no path from the start node reaches it")));
      }
      if (!ends.isEmpty()) {
        Set<String> reachEnd = reach(ends, previous);
        types.keySet().stream().filter(id -> !reachEnd.contains(id)).forEach(id ->
            problems.add(DefinitionProblem.at(id, "NO_PATH_TO_END", "no path from it reaches an end node")));
      }
      checkParallels();
      checkLoops();
      types.forEach((id, type) -> new NodeConfig(id, type, configs.get(id), problems).check());
    }

    private void readNodes() {
      JsonNode nodes = definition.path("nodes");
      if (!nodes.isArray() || nodes.isEmpty()) {
        problems.add(DefinitionProblem.of("NO_NODES", "the definition needs a list of nodes"));
        return;
      }
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode node = nodes.get(i);
        JsonNode idNode = node.path("id");
        if (!idNode.isTextual() || idNode.asText().isBlank()) {
          problems.add(DefinitionProblem.of("MISSING_NODE_ID", "nodes[" + i + "] needs an id"));
          continue;
        }
        String id = idNode.asText();
        if (id.length() > MAX_NODE_ID) {
          problems.add(DefinitionProblem.at(id, "INVALID_NODE_ID", "a node id has at most " + MAX_NODE_ID + " characters"));
        }
        if (types.containsKey(id)) {
          problems.add(DefinitionProblem.at(id, "DUPLICATE_NODE_ID", "nodes[" + i + "] repeats the id of an earlier node"));
          continue;
        }
        JsonNode name = node.path("name");
        if (!name.isMissingNode() && !name.isNull() && (!name.isTextual() || name.asText().length() > MAX_NODE_NAME)) {
          problems.add(DefinitionProblem.at(id, "INVALID_NODE_NAME", "name must be text of at most " + MAX_NODE_NAME
              + " characters"));
        }
        Optional<NodeType> type = Choice.fromApiName(NodeType.class, node.path("type").asText(""));
        if (type.isEmpty()) {
          problems.add(DefinitionProblem.at(id, "UNKNOWN_NODE_TYPE", "type must be one of "
              + Choice.apiNames(NodeType.class)));
          // Kept as a node so its edges are not reported dangling as well; its config is not read.
          types.put(id, null);
        } else {
          types.put(id, type.get());
        }
        configs.put(id, node.path("config"));
        next.put(id, new ArrayList<>());
        previous.put(id, new ArrayList<>());
      }
    }

    private void readEdges() {
      JsonNode edges = definition.path("edges");
      if (!edges.isMissingNode() && !edges.isNull() && !edges.isArray()) {
        problems.add(DefinitionProblem.of("INVALID_EDGE", "edges must be a list"));
        return;
      }
      // Per node and outcome: how many edges leave it, and how many of the success ones carry no condition.
      Map<String, Map<EdgeOutcome, Integer>> leaving = new HashMap<>();
      Map<String, Integer> defaults = new HashMap<>();
      for (int i = 0; i < edges.size(); i++) {
        JsonNode edge = edges.get(i);
        String where = "edges[" + i + "]";
        String from = edge.path("from").asText(null);
        String to = edge.path("to").asText(null);
        boolean dangling = false;
        for (String end : new String[] {from, to}) {
          if (end == null || !types.containsKey(end)) {
            problems.add(new DefinitionProblem(from != null && types.containsKey(from) ? from : null, "DANGLING_EDGE",
                where + " (" + from + " -> " + to + ") names no node " + (end == null ? "(missing)" : end)));
            dangling = true;
          }
        }
        if (dangling) {
          continue;
        }
        next.get(from).add(to);
        previous.get(to).add(from);
        NodeType fromType = types.get(from);
        NodeType toType = types.get(to);
        if (toType == NodeType.START) {
          problems.add(DefinitionProblem.at(to, "EDGE_INTO_START", where + " leads into the start node"));
        }
        if (fromType == NodeType.END) {
          problems.add(DefinitionProblem.at(from, "EDGE_FROM_END", where + " leaves an end node"));
        }
        JsonNode onNode = edge.path("on");
        Optional<EdgeOutcome> on = onNode.isMissingNode() || onNode.isNull() ? Optional.of(EdgeOutcome.SUCCESS)
            : Choice.fromApiName(EdgeOutcome.class, onNode.asText(""));
        if (on.isEmpty()) {
          problems.add(DefinitionProblem.at(from, "INVALID_EDGE_OUTCOME", where + ".on must be one of "
              + Choice.apiNames(EdgeOutcome.class)));
          continue;
        }
        if (on.get() != EdgeOutcome.SUCCESS && fromType != null && !MAY_FAIL.contains(fromType)) {
          problems.add(DefinitionProblem.at(from, "INVALID_EDGE_OUTCOME", where + ": only action and approval nodes"
              + " have " + on.get().apiName() + " edges"));
        }
        JsonNode condition = edge.path("condition");
        boolean conditional = !condition.isMissingNode() && !condition.isNull();
        if (conditional) {
          if (fromType != NodeType.CONDITION || on.get() != EdgeOutcome.SUCCESS) {
            problems.add(DefinitionProblem.at(from, "UNEXPECTED_CONDITION", where
                + " carries a condition; only the success edges of a condition node do"));
          }
          expressionProblem(condition).ifPresent(message -> problems.add(DefinitionProblem.at(from,
              "INVALID_EXPRESSION", where + ".condition " + message)));
        } else if (on.get() == EdgeOutcome.SUCCESS) {
          defaults.merge(from, 1, Integer::sum);
        }
        leaving.computeIfAbsent(from, id -> new HashMap<>()).merge(on.get(), 1, Integer::sum);
      }
      types.forEach((id, type) -> {
        Map<EdgeOutcome, Integer> out = leaving.getOrDefault(id, Map.of());
        int success = out.getOrDefault(EdgeOutcome.SUCCESS, 0);
        if (type == NodeType.CONDITION) {
          int unconditioned = defaults.getOrDefault(id, 0);
          if (unconditioned == 0) {
            problems.add(DefinitionProblem.at(id, "NO_DEFAULT_BRANCH",
                "a condition node needs one outgoing edge without a condition, taken when no condition holds"));
          } else if (unconditioned > 1) {
            problems.add(DefinitionProblem.at(id, "MULTIPLE_DEFAULT_BRANCHES",
                "a condition node has exactly one outgoing edge without a condition; it has " + unconditioned));
          }
        } else if (type == NodeType.PARALLEL) {
          if (success < 2) {
            problems.add(DefinitionProblem.at(id, "PARALLEL_NEEDS_BRANCHES",
                "a parallel node starts two or more branches; it has " + success));
          }
        } else if (type != null && SINGLE_NEXT.contains(type)) {
          if (success == 0) {
            problems.add(DefinitionProblem.at(id, "MISSING_NEXT", "it needs an outgoing success edge"));
          }
          out.forEach((outcome, count) -> {
            if (count > 1) {
              problems.add(DefinitionProblem.at(id, "AMBIGUOUS_NEXT", "it has " + count + " outgoing "
                  + outcome.apiName() + " edges; only one is followed"));
            }
          });
        }
      });
    }

    private void checkParallels() {
      List<String> parallels = ofType(NodeType.PARALLEL);
      Set<String> belowParallel = new HashSet<>();
      for (String parallel : parallels) {
        Set<String> reached = reach(next.get(parallel), next);
        belowParallel.addAll(reached);
        if (reached.stream().noneMatch(id -> types.get(id) == NodeType.JOIN)) {
          problems.add(DefinitionProblem.at(parallel, "PARALLEL_WITHOUT_JOIN", "its branches never meet at a join node"));
        }
      }
      for (String join : ofType(NodeType.JOIN)) {
        if (!belowParallel.contains(join)) {
          problems.add(DefinitionProblem.at(join, "JOIN_WITHOUT_PARALLEL", "no parallel node leads to this join"));
        } else if (previous.get(join).size() < 2) {
          problems.add(DefinitionProblem.at(join, "JOIN_WITHOUT_PARALLEL",
              "a join waits for two or more branches; one edge leads into it"));
        }
      }
    }

    /**
     * Every cycle needs a bound: a condition node in it with {@code max_iterations}, which the
     * engine counts. A cycle is a strongly connected component of two or more nodes, or a node
     * with an edge to itself (Kosaraju's two passes, iteratively: a large definition must not
     * exhaust the stack).
     */
    private void checkLoops() {
      List<String> order = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String root : types.keySet()) {
        if (seen.add(root)) {
          Deque<Map.Entry<String, Integer>> stack = new ArrayDeque<>();
          stack.push(Map.entry(root, 0));
          while (!stack.isEmpty()) {
            Map.Entry<String, Integer> top = stack.pop();
            List<String> out = next.get(top.getKey());
            if (top.getValue() < out.size()) {
              stack.push(Map.entry(top.getKey(), top.getValue() + 1));
              String child = out.get(top.getValue());
              if (seen.add(child)) {
                stack.push(Map.entry(child, 0));
              }
            } else {
              order.add(top.getKey());
            }
          }
        }
      }
      Set<String> assigned = new HashSet<>();
      for (int i = order.size() - 1; i >= 0; i--) {
        String root = order.get(i);
        if (!assigned.add(root)) {
          continue;
        }
        List<String> component = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
          String id = stack.pop();
          component.add(id);
          for (String from : previous.get(id)) {
            if (assigned.add(from)) {
              stack.push(from);
            }
          }
        }
        boolean cycle = component.size() > 1 || next.get(root).contains(root);
        if (cycle && component.stream().noneMatch(this::boundsLoop)) {
          String first = types.keySet().stream().filter(component::contains).findFirst().orElse(root);
          problems.add(DefinitionProblem.at(first, "UNBOUNDED_LOOP", "the loop through " + String.join(", ",
              types.keySet().stream().filter(component::contains).toList())
              + " needs a condition node with config.max_iterations"));
        }
      }
    }

    private boolean boundsLoop(String id) {
      return types.get(id) == NodeType.CONDITION && configs.get(id).path("max_iterations").canConvertToInt()
          && configs.get(id).path("max_iterations").isIntegralNumber();
    }

    private List<String> ofType(NodeType type) {
      return types.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).toList();
    }

    private static Set<String> reach(List<String> from, Map<String, List<String>> edges) {
      Set<String> reached = new HashSet<>(from);
      Deque<String> todo = new ArrayDeque<>(from);
      while (!todo.isEmpty()) {
        for (String to : edges.getOrDefault(todo.pop(), List.of())) {
          if (reached.add(to)) {
            todo.push(to);
          }
        }
      }
      return reached;
    }
  }

  // ---------------------------------------------------------------- node configs

  /** The checks of one node's {@code config}, by its type (common.md's node configs). */
  private record NodeConfig(String id, NodeType type, JsonNode config, List<DefinitionProblem> problems) {

    void check() {
      if (type == null) {
        return;
      }
      if (!config.isMissingNode() && !config.isNull() && !config.isObject()) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config must be an object"));
        return;
      }
      switch (type) {
        case APPROVAL -> approval();
        case WAIT -> waitConfig();
        case NOTIFICATION -> notification();
        case ACTION -> action();
        case CONDITION -> condition();
        default -> { }
      }
    }

    private void approval() {
      JsonNode approvers = config.path("approvers");
      List<String> users = uuids(approvers.path("user_ids"), "approvers.user_ids");
      List<String> teams = uuids(approvers.path("team_ids"), "approvers.team_ids");
      if (users.isEmpty() && teams.isEmpty()) {
        problems.add(DefinitionProblem.at(id, "NO_APPROVERS", "config.approvers needs user_ids or team_ids"));
      }
      JsonNode quorum = config.path("quorum");
      if (!quorum.isMissingNode()) {
        if (!quorum.isIntegralNumber() || quorum.asLong() < 1) {
          problems.add(DefinitionProblem.at(id, "INVALID_QUORUM", "config.quorum must be a whole number of at least 1"));
        } else if (teams.isEmpty() && quorum.asLong() > users.size() && !users.isEmpty()) {
          // A team's size is known only when the step runs; users alone are counted here.
          problems.add(DefinitionProblem.at(id, "INVALID_QUORUM", "config.quorum is " + quorum.asLong() + " but only "
              + users.size() + " approvers are named"));
        }
      }
      positiveWhole("rejections_to_reject", Integer.MAX_VALUE);
      duration("expires_in");
      JsonNode allow = config.path("allow_requester");
      if (!allow.isMissingNode() && !allow.isBoolean()) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config.allow_requester must be true or false"));
      }
    }

    private void waitConfig() {
      boolean hasDuration = config.has("duration");
      boolean hasUntil = config.has("until");
      if (hasDuration == hasUntil) {
        problems.add(DefinitionProblem.at(id, "INVALID_WAIT", "config needs exactly one of duration and until"));
        return;
      }
      if (hasDuration) {
        duration("duration");
        return;
      }
      JsonNode until = config.path("until");
      if (until.isTextual() && until.asText().startsWith("=")) {
        expressionProblem(until).ifPresent(message -> problems.add(DefinitionProblem.at(id, "INVALID_EXPRESSION",
            "config.until " + message)));
        return;
      }
      try {
        OffsetDateTime.parse(until.asText(""));
      } catch (DateTimeParseException e) {
        problems.add(DefinitionProblem.at(id, "INVALID_WAIT",
            "config.until must be an ISO-8601 timestamp with its offset (or a JSONata expression after \"=\")"));
      }
    }

    private void notification() {
      JsonNode message = config.path("message");
      if (!message.isTextual() || message.asText().isBlank()) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config.message must be non-empty text"));
      } else if (message.asText().startsWith("=")) {
        expressionProblem(message).ifPresent(text -> problems.add(DefinitionProblem.at(id, "INVALID_EXPRESSION",
            "config.message " + text)));
      }
      if (config.has("user_ids")) {
        uuids(config.path("user_ids"), "user_ids");
      }
    }

    private void action() {
      JsonNode action = config.path("action");
      if (!action.isTextual() || !ACTIONS.contains(action.asText())) {
        problems.add(DefinitionProblem.at(id, "UNKNOWN_ACTION", "config.action must be one of "
            + ACTIONS.stream().sorted().toList()));
      }
      JsonNode params = config.path("params");
      if (!params.isMissingNode() && !params.isObject()) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config.params must be an object"));
      } else {
        params(params, "config.params");
      }
      JsonNode retry = config.path("retry");
      if (!retry.isMissingNode()) {
        if (!retry.isObject()) {
          problems.add(DefinitionProblem.at(id, "INVALID_RETRY", "config.retry must be an object"));
        } else {
          JsonNode attempts = retry.path("max_attempts");
          if (!attempts.isMissingNode() && (!attempts.isIntegralNumber() || attempts.asLong() < 1
              || attempts.asLong() > MAX_ATTEMPTS)) {
            problems.add(DefinitionProblem.at(id, "INVALID_RETRY", "config.retry.max_attempts must be a whole number"
                + " from 1 to " + MAX_ATTEMPTS));
          }
          JsonNode rate = retry.path("backoff_rate");
          if (!rate.isMissingNode() && (!rate.isNumber() || rate.asDouble() < 1.0 || rate.asDouble() > MAX_BACKOFF_RATE)) {
            problems.add(DefinitionProblem.at(id, "INVALID_RETRY", "config.retry.backoff_rate must be a number from 1.0"
                + " to " + MAX_BACKOFF_RATE));
          }
          durationAt(retry.path("backoff"), "config.retry.backoff");
        }
      }
      duration("timeout");
      JsonNode output = config.path("output");
      if (!output.isMissingNode()) {
        expressionProblem(output).ifPresent(message -> problems.add(DefinitionProblem.at(id, "INVALID_EXPRESSION",
            "config.output " + message)));
      }
    }

    private void condition() {
      positiveWhole("max_iterations", MAX_ITERATIONS);
    }

    /** Every text of the params tree that starts with "=" is a JSONata expression. */
    private void params(JsonNode value, String where) {
      if (value.isTextual() && value.asText().startsWith("=")) {
        expressionProblem(value).ifPresent(message -> problems.add(DefinitionProblem.at(id, "INVALID_EXPRESSION",
            where + " " + message)));
      } else if (value.isObject()) {
        value.properties().forEach(field -> params(field.getValue(), where + "." + field.getKey()));
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          params(value.get(i), where + "[" + i + "]");
        }
      }
    }

    private List<String> uuids(JsonNode list, String name) {
      if (list.isMissingNode() || list.isNull()) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      if (!list.isArray()) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config." + name + " must be a list of ids"));
        return ids;
      }
      for (JsonNode item : list) {
        try {
          ids.add(UUID.fromString(item.asText("")).toString());
        } catch (IllegalArgumentException e) {
          problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config." + name + " must hold UUIDs; "
              + item + " is not one"));
        }
      }
      return ids;
    }

    private void positiveWhole(String name, int max) {
      JsonNode value = config.path(name);
      if (!value.isMissingNode() && (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > max)) {
        problems.add(DefinitionProblem.at(id, "INVALID_CONFIG", "config." + name + " must be a whole number from 1 to "
            + max));
      }
    }

    private void duration(String name) {
      durationAt(config.path(name), "config." + name);
    }

    private void durationAt(JsonNode value, String where) {
      if (value.isMissingNode()) {
        return;
      }
      if (durationOf(value).isEmpty()) {
        problems.add(DefinitionProblem.at(id, "INVALID_DURATION", where
            + " must be a positive ISO-8601 duration such as PT30S, PT10M or P2D"));
      }
    }
  }

  /** A positive ISO-8601 duration ({@code PT10M}, {@code P2D}), as java.time reads it. */
  public static Optional<Duration> durationOf(JsonNode value) {
    if (!value.isTextual()) {
      return Optional.empty();
    }
    try {
      Duration duration = Duration.parse(value.asText());
      return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** What is wrong with a JSONata expression (a leading "=" is the marker, not part of it), as dashjoin compiles it. */
  static Optional<String> expressionProblem(JsonNode expression) {
    if (!expression.isTextual() || expression.asText().isBlank()) {
      return Optional.of("must be a JSONata expression");
    }
    String text = expression.asText();
    String body = text.startsWith("=") ? text.substring(1) : text;
    if (body.isBlank()) {
      return Optional.of("must be a JSONata expression after \"=\"");
    }
    try {
      Jsonata.jsonata(body);
      return Optional.empty();
    } catch (RuntimeException e) {
      // The parser's message names the token and position; nothing of the server's state.
      return Optional.of("does not compile: " + e.getMessage());
    } catch (StackOverflowError e) {
      // A recursive-descent parser given thousands of nested brackets: a client's mistake, not a 500.
      return Optional.of("is nested too deeply to compile");
    }
  }
}
