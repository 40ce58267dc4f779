package com.coditect.workflows.domain;

import com.coditect.shared.domain.Choice;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A workflow's graph (API.md, "Workflow definition"): nodes ({@code id}, {@code type},
 * {@code name}, {@code config}) and the edges between them ({@code from}, {@code to}, a JSONata
 * {@code condition}, and {@code on}: which outcome of {@code from} the edge follows). This is the
 * shape of a definition that passed validation; {@link #read} takes a stored one.
 */
public record WorkflowDefinition(List<Node> nodes, List<Edge> edges) {

  /** One node; {@code config} is the node type's settings (empty when it has none). */
  public record Node(String id, NodeType type, String name, ObjectNode config) {}

  /** One edge; {@code condition} is null on an unconditional (default) edge. */
  public record Edge(String from, String to, @Nullable String condition, EdgeOutcome on) {}

  /** The definition stored as {@code json}, which was validated when it was written. */
  public static WorkflowDefinition read(JsonNode json) {
    List<Node> nodes = new ArrayList<>();
    for (JsonNode node : json.path("nodes")) {
      JsonNode config = node.path("config");
      nodes.add(new Node(node.path("id").asText(),
          Choice.fromApiName(NodeType.class, node.path("type").asText()).orElseThrow(),
          node.path("name").asText(node.path("id").asText()),
          config.isObject() ? (ObjectNode) config : JsonNodeFactory.instance.objectNode()));
    }
    List<Edge> edges = new ArrayList<>();
    for (JsonNode edge : json.path("edges")) {
      JsonNode condition = edge.path("condition");
      edges.add(new Edge(edge.path("from").asText(), edge.path("to").asText(),
          condition.isTextual() ? condition.asText() : null,
          Choice.fromApiName(EdgeOutcome.class, edge.path("on").asText("success")).orElseThrow()));
    }
    return new WorkflowDefinition(List.copyOf(nodes), List.copyOf(edges));
  }

  public Optional<Node> node(String id) {
    return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
  }

  /** The one start node of a valid definition. */
  public Node start() {
    return nodes.stream().filter(node -> node.type() == NodeType.START).findFirst().orElseThrow();
  }

  /** The edges leaving {@code nodeId} on {@code outcome}, in the order the definition lists them. */
  public List<Edge> edgesFrom(String nodeId, EdgeOutcome outcome) {
    return edges.stream().filter(edge -> edge.from().equals(nodeId) && edge.on() == outcome).toList();
  }

  /** The edges arriving at {@code nodeId}. */
  public List<Edge> edgesTo(String nodeId) {
    return edges.stream().filter(edge -> edge.to().equals(nodeId)).toList();
  }

  /** Whether some path of one or more edges (of any outcome) leads from one of {@code from} to {@code target}. */
  public boolean leadsTo(Collection<String> from, String target) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String at = todo.pop();
      for (Edge edge : edges) {
        if (edge.from().equals(at)) {
          if (edge.to().equals(target)) {
            return true;
          }
          if (seen.add(edge.to())) {
            todo.push(edge.to());
          }
        }
      }
    }
    return false;
  }
}
