package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.api.AnalysisResponse.Percentiles;
import com.coditect.workflows.api.AnalysisResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heat scale, node heat from the analysis, and the Mermaid text's shapes and escaping. */
class DiagramColoursTest {

  @Test
  void heatRunsFromPaleYellowThroughOrangeToDeepRedAndGreyWithoutRuns() {
    assertEquals("#ffffcc", DiagramColours.fill(0.0));
    assertEquals("#fd8d3c", DiagramColours.fill(0.5));
    assertEquals("#bd0026", DiagramColours.fill(1.0));
    assertEquals("#fec684", DiagramColours.fill(0.25));
    assertEquals("#bd0026", DiagramColours.fill(3.0));
    assertEquals(DiagramColours.NO_DATA, DiagramColours.fill(null));
    assertEquals("#ffffff", DiagramColours.text(0.9));
    assertEquals("#1a1a1a", DiagramColours.text(0.2));
  }

  @Test
  void heatIsLogarithmicSoMillisecondsAndHoursBothShow() {
    assertEquals(1.0, DiagramModel.heat(3_600_000, 3_600_000));
    assertEquals(0.0, DiagramModel.heat(0, 3_600_000));
    assertEquals(0.5, DiagramModel.heat(1_896, 3_600_000), 0.001);
    assertEquals(1_896, DiagramModel.p90AtHeat(0.5, 3_600_000), 2);
    assertEquals(0.0, DiagramModel.heat(5, 0));
  }

  @Test
  void aNodesHeatIsItsP90AgainstTheSlowestNodes() throws Exception {
    List<AnalysisResponse.Step> steps = List.of(
        new AnalysisResponse.Step("a", "A", "action", 3, 0, 0, 0.0, 0.0, new Percentiles(1, 250, 300), null),
        new AnalysisResponse.Step("b", "B", "action", 3, 1, 0, 0.3333, 0.0, new Percentiles(1, 1000, 1000), null));
    DiagramModel model = DiagramModel.of(JsonText.parse(
        "{\"nodes\": [{\"id\": \"a\", \"type\": \"action\"}, {\"id\": \"b\", \"type\": \"mystery\", \"name\": \"B\"},"
            + " {\"id\": \"c\", \"type\": \"end\"}], \"edges\": [{\"from\": \"a\", \"to\": \"b\"},"
            + " {\"from\": \"b\", \"to\": \"nowhere\"}]}"), steps, null, null);
    assertEquals(Math.log(251) / Math.log(1001), model.nodes().get(0).heat(), 1e-12);
    assertEquals(1.0, model.nodes().get(1).heat());
    assertEquals(null, model.nodes().get(1).type(), "an unknown type is drawn as a plain step");
    assertEquals(null, model.nodes().get(2).heat());
    assertEquals(1, model.edges().size(), "an edge to a missing node is left out");
    assertEquals(1000, model.maxP90Millis());
  }

  @Test
  void mermaidGivesEachTypeItsShapeAndEscapesEveryLabel() throws Exception {
    DiagramModel model = DiagramModel.of(JsonText.parse(DiagramPictureTest.DEFINITION), DiagramPictureTest.analysis(),
        null, null);
    String text = MermaidDiagram.write(model);
    assertTrue(text.startsWith("flowchart TD\n"), text);
    assertTrue(text.contains("n0([\"Start"), text);
    assertTrue(text.contains("n1{\"Amount #62; 1000#63;"), text);
    assertTrue(text.contains("n2[[\"Finance approval #60;CFO #38; #34;team#34;#62;"), text);
    assertTrue(text.contains("n1 -->|\"context.amount #62; 1000\"| n2"), text);
    assertTrue(text.contains("n3 -->|\"error\"| n4"), text);
    assertTrue(text.contains("style n3 fill:#bd0026,color:#ffffff"), text);
    assertEquals("a#34;b#93;#10;c", MermaidDiagram.escape("a\"b]\nc"));
  }
}
