package com.coditect.workflows.domain;

import com.coditect.workflows.domain.DiagramModel.Edge;
import com.coditect.workflows.domain.DiagramModel.Node;
import com.coditect.workflows.domain.DiagramModel.PathState;
import com.coditect.workflows.model.NodeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

/**
 * A diagram as SVG, laid out by Eclipse ELK's layered algorithm (top to bottom, orthogonal edges,
 * edge labels placed by ELK). Each node is filled by its heat and shows its type, name, p90 and a
 * failure-rate bar; an execution's path is drawn as rings and blue edges; a legend explains the
 * colours. Every text is XML-escaped, and characters XML cannot hold are replaced, so any name
 * gives a well-formed document. Each node is a {@code <g>} with {@code data-node-id} and
 * {@code data-fill}, for tests and for clients that link the picture to the analysis.
 */
public final class SvgDiagram {

  static final double NODE_HEIGHT = 64;
  private static final double MIN_WIDTH = 150;
  private static final double MAX_WIDTH = 340;
  private static final double CHAR_WIDTH = 7.4;
  private static final int MAX_NAME = 42;
  private static final int MAX_EDGE_LABEL = 36;
  private static final double LEGEND_HEIGHT = 92;
  private static final double LEGEND_WIDTH = 620;
  private static final String FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

  private SvgDiagram() {}

  public static String write(DiagramModel model) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 36.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);

    Map<String, ElkNode> laid = new LinkedHashMap<>();
    for (Node node : model.nodes()) {
      ElkNode box = ElkGraphUtil.createNode(root);
      box.setIdentifier(node.id());
      box.setDimensions(width(node), NODE_HEIGHT);
      laid.put(node.id(), box);
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (Edge edge : model.edges()) {
      ElkEdge line = ElkGraphUtil.createSimpleEdge(laid.get(edge.from()), laid.get(edge.to()));
      if (edge.label() != null) {
        String text = shortened(edge.label(), MAX_EDGE_LABEL);
        ElkLabel label = ElkGraphUtil.createLabel(text, line);
        label.setDimensions(text.length() * 6.4 + 10, 18);
      }
      edges.add(line);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    double graphWidth = Math.max(root.getWidth(), 1);
    double width = Math.max(graphWidth, LEGEND_WIDTH);
    double height = root.getHeight() + LEGEND_HEIGHT + (model.withExecution() ? 26 : 0);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
        .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
        .append("\" font-family=\"").append(FONT).append("\">\n");
    svg.append("<defs>\n")
        .append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
            + " orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(DiagramColours.EDGE)
        .append("\"/></marker>\n")
        .append("<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\""
            + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(DiagramColours.TAKEN_EDGE).append("\"/></marker>\n")
        .append("<linearGradient id=\"heat\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">")
        .append("<stop offset=\"0\" stop-color=\"").append(DiagramColours.fill(0.0)).append("\"/>")
        .append("<stop offset=\"0.5\" stop-color=\"").append(DiagramColours.fill(0.5)).append("\"/>")
        .append("<stop offset=\"1\" stop-color=\"").append(DiagramColours.fill(1.0)).append("\"/>")
        .append("</linearGradient>\n</defs>\n");
    svg.append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
        .append("\" fill=\"#ffffff\"/>\n");

    for (int i = 0; i < edges.size(); i++) {
      writeEdge(svg, edges.get(i), model.edges().get(i));
    }
    for (Node node : model.nodes()) {
      writeNode(svg, node, laid.get(node.id()));
    }
    writeLegend(svg, model, root.getHeight());
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void writeEdge(StringBuilder svg, ElkEdge line, Edge edge) {
    String colour = edge.taken() ? DiagramColours.TAKEN_EDGE : DiagramColours.EDGE;
    svg.append("<g class=\"edge\" data-from=\"").append(escape(edge.from())).append("\" data-to=\"")
        .append(escape(edge.to())).append("\" data-taken=\"").append(edge.taken()).append("\">");
    for (ElkEdgeSection section : line.getSections()) {
      StringBuilder path = new StringBuilder("M").append(n(section.getStartX())).append(',')
          .append(n(section.getStartY()));
      for (ElkBendPoint bend : section.getBendPoints()) {
        path.append(" L").append(n(bend.getX())).append(',').append(n(bend.getY()));
      }
      path.append(" L").append(n(section.getEndX())).append(',').append(n(section.getEndY()));
      svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"").append(edge.taken() ? "3" : "1.5").append("\" marker-end=\"url(#")
          .append(edge.taken() ? "arrow-taken" : "arrow").append(")\"/>");
    }
    for (ElkLabel label : line.getLabels()) {
      svg.append("<g class=\"edge-label\"><title>").append(escape(edge.label())).append("</title>")
          .append("<rect x=\"").append(n(label.getX())).append("\" y=\"").append(n(label.getY()))
          .append("\" width=\"").append(n(label.getWidth())).append("\" height=\"").append(n(label.getHeight()))
          .append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"#bbbbbb\"/>")
          .append("<text x=\"").append(n(label.getX() + label.getWidth() / 2)).append("\" y=\"")
          .append(n(label.getY() + 13)).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\">")
          .append(escape(label.getText())).append("</text></g>");
    }
    svg.append("</g>\n");
  }

  private static void writeNode(StringBuilder svg, Node node, ElkNode box) {
    double x = box.getX();
    double y = box.getY();
    double w = box.getWidth();
    double h = box.getHeight();
    String fill = DiagramColours.fill(node.heat());
    String ink = DiagramColours.text(node.heat());
    svg.append("<g class=\"node\" data-node-id=\"").append(escape(node.id())).append("\" data-fill=\"").append(fill)
        .append("\" data-state=\"").append(node.state().name().toLowerCase(Locale.ROOT)).append('"');
    if (node.state() == PathState.NOT_REACHED) {
      svg.append(" opacity=\"0.45\"");
    }
    svg.append("><title>").append(escape(node.name())).append("</title>");
    String ring = DiagramColours.ring(node.state());
    if (ring != null) {
      svg.append("<rect x=\"").append(n(x - 6)).append("\" y=\"").append(n(y - 6)).append("\" width=\"")
          .append(n(w + 12)).append("\" height=\"").append(n(h + 12)).append("\" rx=\"").append(n(radius(node) + 6))
          .append("\" fill=\"none\" stroke=\"").append(ring).append("\" stroke-width=\"3.5\"")
          .append(node.state() == PathState.CURRENT ? " stroke-dasharray=\"7 4\"" : "").append("/>");
    }
    if (node.type() == NodeType.CONDITION) {
      double cut = 16;
      svg.append("<polygon points=\"").append(n(x + cut)).append(',').append(n(y)).append(' ')
          .append(n(x + w - cut)).append(',').append(n(y)).append(' ').append(n(x + w)).append(',')
          .append(n(y + h / 2)).append(' ').append(n(x + w - cut)).append(',').append(n(y + h)).append(' ')
          .append(n(x + cut)).append(',').append(n(y + h)).append(' ').append(n(x)).append(',').append(n(y + h / 2))
          .append("\" fill=\"").append(fill).append("\" stroke=\"#333333\" stroke-width=\"1.2\"/>");
    } else {
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(n(h)).append("\" rx=\"").append(n(radius(node))).append("\" fill=\"")
          .append(fill).append("\" stroke=\"#333333\" stroke-width=\"1.2\"/>");
      if (node.type() == NodeType.APPROVAL) {
        svg.append("<rect x=\"").append(n(x + 4)).append("\" y=\"").append(n(y + 4)).append("\" width=\"")
            .append(n(w - 8)).append("\" height=\"").append(n(h - 8)).append("\" rx=\"6\" fill=\"none\""
                + " stroke=\"#333333\" stroke-width=\"0.8\"/>");
      } else if (node.type() == NodeType.PARALLEL || node.type() == NodeType.JOIN) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"6\" height=\"")
            .append(n(h)).append("\" fill=\"#333333\"/><rect x=\"").append(n(x + w - 6)).append("\" y=\"")
            .append(n(y)).append("\" width=\"6\" height=\"").append(n(h)).append("\" fill=\"#333333\"/>");
      }
    }
    double cx = x + w / 2;
    svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y + 16))
        .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"").append(ink).append("\" fill-opacity=\"0.8\">")
        .append(node.type() == null ? "step" : node.type().apiName()).append("</text>");
    svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y + 34))
        .append("\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"").append(ink).append("\">")
        .append(escape(shortened(node.name(), MAX_NAME))).append("</text>");
    svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y + 50))
        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"").append(ink).append("\">")
        .append(escape(metrics(node))).append("</text>");
    if (node.failureRate() != null) {
      double track = w - 28;
      svg.append("<rect class=\"failure-track\" x=\"").append(n(x + 14)).append("\" y=\"").append(n(y + h - 9))
          .append("\" width=\"").append(n(track)).append("\" height=\"4\" fill=\"").append(DiagramColours.FAILURE_TRACK)
          .append("\"/>");
      if (node.failureRate() > 0) {
        svg.append("<rect class=\"failure-bar\" x=\"").append(n(x + 14)).append("\" y=\"").append(n(y + h - 9))
            .append("\" width=\"").append(n(Math.max(2, track * node.failureRate()))).append("\" height=\"4\" fill=\"")
            .append(DiagramColours.FAILURE_BAR).append("\"/>");
      }
    }
    svg.append("</g>\n");
  }

  private static void writeLegend(StringBuilder svg, DiagramModel model, double top) {
    double y = top + 8;
    svg.append("<g class=\"legend\" font-size=\"11\" fill=\"#333333\">");
    svg.append("<text x=\"24\" y=\"").append(n(y + 12))
        .append("\" font-weight=\"bold\">p90 duration, last 30 days (log scale)</text>");
    svg.append("<rect x=\"24\" y=\"").append(n(y + 20)).append("\" width=\"180\" height=\"14\" fill=\"url(#heat)\""
        + " stroke=\"#999999\"/>");
    svg.append("<text x=\"24\" y=\"").append(n(y + 48)).append("\">0</text>");
    svg.append("<text x=\"114\" y=\"").append(n(y + 48)).append("\" text-anchor=\"middle\">")
        .append(escape(Durations.compact(DiagramModel.p90AtHeat(0.5, model.maxP90Millis())))).append("</text>");
    svg.append("<text x=\"204\" y=\"").append(n(y + 48)).append("\" text-anchor=\"end\">")
        .append(escape(Durations.compact(model.maxP90Millis()))).append("</text>");
    svg.append("<rect x=\"230\" y=\"").append(n(y + 20)).append("\" width=\"14\" height=\"14\" fill=\"")
        .append(DiagramColours.NO_DATA).append("\" stroke=\"#999999\"/><text x=\"250\" y=\"").append(n(y + 31))
        .append("\">no runs</text>");
    svg.append("<text x=\"330\" y=\"").append(n(y + 12)).append("\" font-weight=\"bold\">failure rate</text>");
    svg.append("<rect x=\"330\" y=\"").append(n(y + 25)).append("\" width=\"120\" height=\"4\" fill=\"")
        .append(DiagramColours.FAILURE_TRACK).append("\"/><rect x=\"330\" y=\"").append(n(y + 25))
        .append("\" width=\"30\" height=\"4\" fill=\"").append(DiagramColours.FAILURE_BAR).append("\"/>");
    svg.append("<text x=\"330\" y=\"").append(n(y + 48)).append("\">bar: share of runs that failed</text>");
    if (model.withExecution()) {
      double ry = y + 62;
      double rx = 24;
      svg.append("<text x=\"").append(n(rx)).append("\" y=\"").append(n(ry + 11)).append("\" font-weight=\"bold\">"
          + "this execution</text>");
      rx += 100;
      for (PathState state : List.of(PathState.COMPLETED, PathState.FAILED, PathState.CURRENT, PathState.SKIPPED)) {
        svg.append("<rect x=\"").append(n(rx)).append("\" y=\"").append(n(ry)).append("\" width=\"16\" height=\"14\""
            + " rx=\"3\" fill=\"none\" stroke=\"").append(DiagramColours.ring(state)).append("\" stroke-width=\"3\"")
            .append(state == PathState.CURRENT ? " stroke-dasharray=\"4 2\"" : "").append("/><text x=\"")
            .append(n(rx + 22)).append("\" y=\"").append(n(ry + 11)).append("\">")
            .append(state == PathState.CURRENT ? "now here" : state.name().toLowerCase(Locale.ROOT)).append("</text>");
        rx += 100;
      }
      svg.append("<path d=\"M").append(n(rx)).append(',').append(n(ry + 7)).append(" L").append(n(rx + 30))
          .append(',').append(n(ry + 7)).append("\" stroke=\"").append(DiagramColours.TAKEN_EDGE)
          .append("\" stroke-width=\"3\"/><text x=\"").append(n(rx + 36)).append("\" y=\"").append(n(ry + 11))
          .append("\">path taken</text>");
    }
    svg.append("</g>\n");
  }

  private static String metrics(Node node) {
    if (node.p90Millis() == null) {
      return "no runs";
    }
    String text = "p90 " + Durations.compact(node.p90Millis()) + " \u00b7 " + node.runs() + (node.runs() == 1 ? " run" : " runs");
    if (node.failureRate() != null && node.failureRate() > 0) {
      text += " \u00b7 " + Math.round(node.failureRate() * 100) + "% failed";
    }
    return text;
  }

  private static double radius(Node node) {
    if (node.type() == NodeType.START || node.type() == NodeType.END) {
      return NODE_HEIGHT / 2;
    }
    return node.type() == NodeType.PARALLEL || node.type() == NodeType.JOIN ? 2 : 8;
  }

  private static double width(Node node) {
    int longest = Math.max(Math.min(node.name().length(), MAX_NAME), metrics(node).length() - 4);
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest * CHAR_WIDTH + 40));
  }

  private static String shortened(String text, int max) {
    return text.codePointCount(0, text.length()) <= max ? text
        : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** Text and attribute values as XML: markup escaped, characters XML 1.0 cannot hold replaced. */
  static String escape(@Nullable String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
              || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
          out.appendCodePoint(allowed ? c : 0xFFFD);
        }
      }
    });
    return out.toString();
  }

  /** A coordinate with at most one decimal. */
  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
