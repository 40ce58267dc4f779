package com.coditect.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a report as a PDF: a summary, a bar chart of the period's key figures, the control table
 * with each control's evidence queries, and the chain's verification. Text uses the PDF standard
 * fonts (nothing to embed); the chart is drawn with the TrueType font OpenPDF ships, so it needs no
 * fonts from the operating system (Lambda's runtime has none).
 */
public final class ReportPdf {

  static {
    // No display exists where reports are drawn; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
  }

  /** The figures the chart shows, with their labels. */
  private static final Map<String, String> CHARTED = new LinkedHashMap<>();

  static {
    CHARTED.put("access_changes", "Access changes");
    CHARTED.put("privileged_actions", "Privileged actions");
    CHARTED.put("deletions", "Deletions");
    CHARTED.put("exports", "Exports");
    CHARTED.put("failed_sign_ins", "Failed sign-ins");
    CHARTED.put("audit_reviews_completed", "Reviews completed");
  }

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);
  private static final Font CELL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
  private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);

  private ReportPdf() {}

  /** What the PDF says about the report beyond its data. */
  public record Header(String reportId, String tenantId, String requestedBy) {}

  public static byte[] render(Header header, JsonNode data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 40, 40);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(data.path("framework_name").asText() + " compliance report");
      document.addCreator("CODITECT");
      document.open();

      document.add(new Paragraph(data.path("framework_name").asText() + " compliance report", TITLE));
      document.add(new Paragraph("Period " + data.path("period").path("start").asText() + " to "
          + data.path("period").path("end").asText() + " (UTC)   |   tenant " + header.tenantId() + "   |   report "
          + header.reportId(), SMALL));
      document.add(new Paragraph("Generated " + data.path("generated_at").asText() + " for "
          + (header.requestedBy() == null ? "the monthly schedule" : "user " + header.requestedBy()), SMALL));

      document.add(heading("Summary"));
      document.add(new Paragraph(data.path("summary").path("text").asText(), BODY));
      JsonNode summary = data.path("summary");
      document.add(new Paragraph("Controls: " + summary.path("controls").asInt() + "   pass "
          + summary.path("pass").asInt() + "   attention " + summary.path("attention").asInt() + "   fail "
          + summary.path("fail").asInt() + "   evidence only " + summary.path("evidence").asInt(), BODY));

      document.add(heading("Key figures"));
      Image chart = Image.getInstance(chartPng(data.path("figures")));
      chart.scaleToFit(document.getPageSize().getWidth() - 80, 240);
      chart.setAlignment(Element.ALIGN_CENTER);
      document.add(chart);

      document.add(heading("Controls"));
      document.add(controlTable(data.path("controls")));

      document.add(heading("Audit chain verification"));
      JsonNode chain = data.path("chain_verification");
      String verdict = chain.path("intact").asBoolean()
          ? "Intact: " + chain.path("entries_checked").asLong() + " entries recomputed up to the chain head (seq "
              + chain.path("head_seq").asText() + ")."
          : "FAILED: " + (chain.path("first_break").isObject() ? "first break at seq "
              + chain.path("first_break").path("seq").asText() + " (" + chain.path("first_break").path("reason").asText()
              + ")" : "the chain could not be walked to its head") + ".";
      document.add(new Paragraph(verdict, BODY));
      document.add(new Paragraph("Evidence: GET /v1/audit-logs/verify (follow next_cursor until complete).", SMALL));

      document.add(heading("Entries by severity"));
      StringBuilder severities = new StringBuilder();
      data.path("entries_by_severity").fields().forEachRemaining(field -> severities.append(field.getKey())
          .append(' ').append(field.getValue().asLong()).append("   "));
      document.add(new Paragraph(severities.toString().trim(), BODY));
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("the report PDF could not be drawn", e);
    } finally {
      if (document.isOpen()) {
        document.close();
      }
    }
    return out.toByteArray();
  }

  private static Paragraph heading(String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(12);
    heading.setSpacingAfter(4);
    return heading;
  }

  private static PdfPTable controlTable(JsonNode controls) throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {1.3f, 3f, 2.4f, 1f, 4.3f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String title : List.of("Control", "Title", "Figures", "Status", "Evidence queries")) {
      PdfPCell cell = new PdfPCell(new Phrase(title, CELL_BOLD));
      cell.setBackgroundColor(HEADER_FILL);
      table.addCell(cell);
    }
    for (JsonNode control : controls) {
      table.addCell(new Phrase(control.path("id").asText(), CELL_BOLD));
      table.addCell(new Phrase(control.path("title").asText(), CELL));
      StringBuilder figures = new StringBuilder();
      for (Iterator<Map.Entry<String, JsonNode>> it = control.path("figures").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> figure = it.next();
        figures.append(figure.getKey()).append(": ").append(figure.getValue().asText()).append('\n');
      }
      table.addCell(new Phrase(figures.toString().trim(), CELL));
      table.addCell(new Phrase(control.path("status").asText(), CELL_BOLD));
      Phrase queries = new Phrase();
      control.path("evidence_queries").forEach(query -> queries.add(new Chunk(query.asText() + "\n", SMALL)));
      table.addCell(queries);
    }
    return table;
  }

  /** The chart as a PNG, drawn at twice its printed size so it stays sharp. */
  static byte[] chartPng(JsonNode figures) throws IOException {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    CHARTED.forEach((name, label) -> dataset.addValue(figures.path(name).asLong(), "Entries in the period", label));
    JFreeChart chart = ChartFactory.createBarChart("Key figures of the period", null, "Entries", dataset,
        PlotOrientation.VERTICAL, false, false, false);
    ChartFont.THEME.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    // Counts: whole-number ticks, and labels on two lines rather than cut short.
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, new Color(0x2F, 0x5D, 0x8A));
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    bars.setDefaultItemLabelsVisible(true);
    BufferedImage image = chart.createBufferedImage(1000, 460);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /** A chart theme whose every font is OpenPDF's bundled Liberation Sans, loaded once. */
  private static final class ChartFont {
    static final StandardChartTheme THEME = theme();

    private static StandardChartTheme theme() {
      StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
      try (InputStream ttf = ReportPdf.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
        if (ttf == null) {
          return theme;
        }
        java.awt.Font base = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, ttf);
        theme.setExtraLargeFont(base.deriveFont(java.awt.Font.BOLD, 24f));
        theme.setLargeFont(base.deriveFont(java.awt.Font.BOLD, 18f));
        theme.setRegularFont(base.deriveFont(16f));
        theme.setSmallFont(base.deriveFont(14f));
      } catch (FontFormatException e) {
        throw new IllegalStateException("the bundled chart font is not a TrueType font", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return theme;
    }
  }
}
