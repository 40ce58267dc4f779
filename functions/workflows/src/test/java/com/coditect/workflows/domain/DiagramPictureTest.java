package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.api.AnalysisResponse.Percentiles;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.domain.DiagramModel.PathState;
import com.coditect.workflows.domain.DiagramModel.StepState;
import com.coditect.workflows.model.StepStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SVG diagram as a person sees it: rendered to PNG by Batik (kept in target/diagrams for a
 * look), with the pixels inside each node the colour its analysis gives it.
 */
public class DiagramPictureTest {

  static final String DEFINITION = """
      {"nodes": [
        {"id": "start", "type": "start", "name": "Start"},
        {"id": "check", "type": "condition", "name": "Amount > 1000?"},
        {"id": "approve", "type": "approval", "name": "Finance approval <CFO & \\"team\\">",
         "config": {"approvers": {"user_ids": ["u1"]}, "quorum": 1}},
        {"id": "create", "type": "action", "name": "Create follow-up task"},
        {"id": "notify", "type": "notification", "name": "Tell the requester"},
        {"id": "wait", "type": "wait", "name": "Cool-off"},
        {"id": "end", "type": "end", "name": "Done"}],
       "edges": [
        {"from": "start", "to": "check"},
        {"from": "check", "to": "approve", "condition": "context.amount > 1000"},
        {"from": "check", "to": "create"},
        {"from": "approve", "to": "create"},
        {"from": "approve", "to": "notify", "on": "timeout"},
        {"from": "create", "to": "wait"},
        {"from": "create", "to": "notify", "on": "error"},
        {"from": "wait", "to": "end"},
        {"from": "notify", "to": "end"}]}
      """;

  static List<AnalysisResponse.Step> analysis() {
    return List.of(
        step("start", 10, 0.0, 5),
        step("check", 40, 0.0, 10),
        step("approve", 3_600_000, 0.1, 400_000),
        step("create", 900_000, 0.25, 1_800_000),
        step("wait", 600_000, 0.0, 100),
        step("end", 5, 0.0, 1));
  }

  private static AnalysisResponse.Step step(String id, long p50, double failureRate, long p90) {
    return new AnalysisResponse.Step(id, id, null, 40, Math.round(40 * failureRate), 2, failureRate, 0.05,
        new Percentiles(p50, p90, p90 + 1), new Percentiles(1, 2, 3));
  }

  @Test
  void nodesAreFilledByTheirP90AndTheFailureBarShowsTheRate() throws Exception {
    DiagramModel model = DiagramModel.of(JsonText.parse(DEFINITION), analysis(), null, null);
    String svg = SvgDiagram.write(model);
    Document document = parse(svg);
    BufferedImage picture = render(svg, "analysis.png");

    // The slowest p90 (create) is the hot end; a node with no runs (notify) is grey.
    assertEquals(DiagramColours.fill(1.0), fillOf(document, "create"));
    assertEquals(DiagramColours.fill(DiagramModel.heat(400_000, 1_800_000)), fillOf(document, "approve"));
    assertEquals(DiagramColours.NO_DATA, fillOf(document, "notify"));
    assertEquals(rgb(DiagramColours.fill(1.0)), pixelInside(document, picture, "create"));
    assertEquals(rgb(DiagramColours.NO_DATA), pixelInside(document, picture, "notify"));
    assertEquals(rgb(DiagramColours.fill(DiagramModel.heat(400_000, 1_800_000))), pixelInside(document, picture, "approve"));
    // The failure bar of create covers a quarter of its track, in the failure colour.
    Element bar = failureBar(document, "create");
    double barWidth = Double.parseDouble(bar.getAttribute("width"));
    double trackWidth = Double.parseDouble(((Element) bar.getPreviousSibling()).getAttribute("width"));
    assertEquals(0.25, barWidth / trackWidth, 0.01);
    int barX = (int) Math.round(Double.parseDouble(bar.getAttribute("x")) + 1);
    int barY = (int) Math.round(Double.parseDouble(bar.getAttribute("y")) + 2);
    assertEquals(rgb(DiagramColours.FAILURE_BAR), picture.getRGB(barX, barY) & 0xffffff);
  }

  @Test
  void anExecutionsPathIsRingedAndItsEdgesDrawnInTheTakenColour() throws Exception {
    List<StepState> steps = List.of(new StepState("start", StepStatus.COMPLETED),
        new StepState("check", StepStatus.COMPLETED), new StepState("approve", StepStatus.COMPLETED),
        new StepState("create", StepStatus.FAILED), new StepState("notify", StepStatus.RUNNING));
    DiagramModel model = DiagramModel.of(JsonText.parse(DEFINITION), analysis(), steps, "notify");
    String svg = SvgDiagram.write(model);
    Document document = parse(svg);
    render(svg, "execution.png");

    assertEquals("completed", node(document, "approve").getAttribute("data-state"));
    assertEquals("failed", node(document, "create").getAttribute("data-state"));
    assertEquals("current", node(document, "notify").getAttribute("data-state"));
    assertEquals("not_reached", node(document, "end").getAttribute("data-state"));
    assertEquals(List.of("start>check", "check>approve", "approve>create", "create>notify"), takenEdges(document));
    assertEquals(PathState.CURRENT, model.nodes().stream().filter(n -> n.id().equals("notify")).findFirst()
        .orElseThrow().state());
  }

  @Test
  void everyNameIsEscapedSoTheDocumentStaysWellFormed() throws Exception {
    String hostile = "{\"nodes\": [{\"id\": \"a\\\"><script>x</script>\", \"type\": \"start\","
        + " \"name\": \"</text><script>alert(1)</script>&amp; \\u0001 \\ud800 ]]>\"},"
        + " {\"id\": \"b\", \"type\": \"end\", \"name\": \"'quoted' \\\"double\\\"\"}],"
        + " \"edges\": [{\"from\": \"a\\\"><script>x</script>\", \"to\": \"b\", \"condition\": \"x < 1 && y > 2\"}]}";
    JsonNode definition = JsonText.parse(hostile);
    String svg = SvgDiagram.write(DiagramModel.of(definition, List.of(), null, null));
    Document document = parse(svg);
    assertEquals(0, document.getElementsByTagName("script").getLength());
    assertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;"), svg);
    String mermaid = MermaidDiagram.write(DiagramModel.of(definition, List.of(), null, null));
    assertTrue(!mermaid.contains("<script>") && !mermaid.contains("\"><"), mermaid);
  }

  // ---------------------------------------------------------------------------------------------

  public static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  /** The SVG as PNG, also written to target/diagrams/{@code name} to be looked at. */
  public static BufferedImage render(String svg, String name) throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    new PNGTranscoder().transcode(
        new TranscoderInput(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))),
        new TranscoderOutput(png));
    Path out = Path.of("target", "diagrams");
    Files.createDirectories(out);
    Files.write(out.resolve(name), png.toByteArray());
    Files.writeString(out.resolve(name.replace(".png", ".svg")), svg);
    return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
  }

  public static Element node(Document document, String id) {
    NodeList groups = document.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if ("node".equals(group.getAttribute("class")) && id.equals(group.getAttribute("data-node-id"))) {
        return group;
      }
    }
    throw new AssertionError("no node " + id);
  }

  public static String fillOf(Document document, String id) {
    return node(document, id).getAttribute("data-fill");
  }

  /** The colour of the picture a little inside the node's top-left corner, left of its texts. */
  public static int pixelInside(Document document, BufferedImage picture, String id) {
    Element shape = firstShape(node(document, id));
    double x;
    double y;
    if (shape.getTagName().equals("polygon")) {
      String[] first = shape.getAttribute("points").split(" ")[0].split(",");
      x = Double.parseDouble(first[0]) + 4;
      y = Double.parseDouble(first[1]) + 8;
    } else {
      x = Double.parseDouble(shape.getAttribute("x")) + Math.max(10, Double.parseDouble(shape.getAttribute("rx")));
      y = Double.parseDouble(shape.getAttribute("y")) + 10;
    }
    return picture.getRGB((int) Math.round(x), (int) Math.round(y)) & 0xffffff;
  }

  private static Element firstShape(Element group) {
    for (org.w3c.dom.Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && (element.getTagName().equals("polygon")
          || element.getTagName().equals("rect") && !"none".equals(element.getAttribute("fill")))) {
        return element;
      }
    }
    throw new AssertionError("no shape");
  }

  private static Element failureBar(Document document, String id) {
    NodeList rects = node(document, id).getElementsByTagName("rect");
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if ("failure-bar".equals(rect.getAttribute("class"))) {
        return rect;
      }
    }
    throw new AssertionError("no failure bar on " + id);
  }

  public static List<String> takenEdges(Document document) {
    NodeList groups = document.getElementsByTagName("g");
    java.util.List<String> taken = new java.util.ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if ("edge".equals(group.getAttribute("class")) && "true".equals(group.getAttribute("data-taken"))) {
        taken.add(group.getAttribute("data-from") + ">" + group.getAttribute("data-to"));
      }
    }
    return taken;
  }

  public static int rgb(String hex) {
    return Integer.parseInt(hex.substring(1), 16);
  }
}
