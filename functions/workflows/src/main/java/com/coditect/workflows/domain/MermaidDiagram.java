package com.coditect.workflows.domain;

import com.coditect.workflows.domain.DiagramModel.Edge;
import com.coditect.workflows.domain.DiagramModel.Node;
import com.coditect.workflows.domain.DiagramModel.PathState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagram as Mermaid flowchart text: one shape per node type, edge labels for conditions and
 * error/timeout outcomes, each node filled by its heat, the execution's path in its colours.
 * Node ids become {@code n0, n1...} and every label is quoted with each character outside a safe
 * set written as a Mermaid entity ({@code #35;}), so no name can break out of its label.
 */
public final class MermaidDiagram {

  private MermaidDiagram() {}

  public static String write(DiagramModel model) {
    StringBuilder text = new StringBuilder("flowchart TD\n");
    Map<String, String> ids = new HashMap<>();
    List<Node> nodes = model.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      String id = "n" + i;
      ids.put(node.id(), id);
      String[] shape = shape(node);
      text.append("  ").append(id).append(shape[0]).append('"').append(label(node)).append('"').append(shape[1])
          .append('\n');
    }
    List<Edge> edges = model.edges();
    for (Edge edge : edges) {
      text.append("  ").append(ids.get(edge.from())).append(" -->");
      if (edge.label() != null) {
        text.append("|\"").append(escape(edge.label())).append("\"|");
      }
      text.append(' ').append(ids.get(edge.to())).append('\n');
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      text.append("  style n").append(i).append(" fill:").append(DiagramColours.fill(node.heat()))
          .append(",color:").append(DiagramColours.text(node.heat()));
      String ring = DiagramColours.ring(node.state());
      if (ring != null) {
        text.append(",stroke:").append(ring).append(",stroke-width:3px");
        if (node.state() == PathState.CURRENT) {
          text.append(",stroke-dasharray:5 3");
        }
      } else if (node.state() == PathState.NOT_REACHED) {
        text.append(",opacity:0.5");
      }
      text.append('\n');
    }
    for (int i = 0; i < edges.size(); i++) {
      if (edges.get(i).taken()) {
        text.append("  linkStyle ").append(i).append(" stroke:").append(DiagramColours.TAKEN_EDGE)
            .append(",stroke-width:3px\n");
      }
    }
    return text.toString();
  }

  /** The node's name and, when it ran, its p90 and failure rate. */
  private static String label(Node node) {
    String label = escape(node.name());
    if (node.p90Millis() != null) {
      label += "<br/>p90 " + escape(Durations.compact(node.p90Millis()));
      if (node.failureRate() != null && node.failureRate() > 0) {
        label += " #183; " + Math.round(node.failureRate() * 100) + "#37; failed";
      }
    }
    return label;
  }

  /** Mermaid's opening and closing brackets for the node's type. */
  private static String[] shape(Node node) {
    if (node.type() == null) {
      return new String[] {"[", "]"};
    }
    return switch (node.type()) {
      case START, END -> new String[] {"([", "])"};
      case CONDITION -> new String[] {"{", "}"};
      case APPROVAL -> new String[] {"[[", "]]"};
      case WAIT -> new String[] {"[(", ")]"};
      case NOTIFICATION -> new String[] {">", "]"};
      case PARALLEL, JOIN -> new String[] {"{{", "}}"};
      case ACTION -> new String[] {"[", "]"};
    };
  }

  /** Letters, digits, space and a few marks as they are; anything else as {@code #<code point>;}. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) && c < 128 || c == ' ' || c == '.' || c == ',' || c == '-' || c == '_'
          || c == ':' || c == '=' || c == '$' || c == '/') {
        out.appendCodePoint(c);
      } else {
        out.append('#').append(c).append(';');
      }
    });
    return out.toString();
  }
}
