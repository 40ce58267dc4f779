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
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Draws a report as a PDF: a summary, a bar chart of the period's key figures ({@link ReportChart}),
 * the control table with each control's evidence queries, and the chain's verification. Text and
 * chart use the PDF standard fonts: nothing to embed, and no fonts needed from the operating system
 * (Lambda's runtime has none).
 */
public final class ReportPdf {

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);
  private static final Font CELL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
  private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);
  private static final float MARGIN = 40;
  private static final float CHART_HEIGHT = 236;

  private ReportPdf() {}

  /** What the PDF says about the report beyond its data. */
  public record Header(String reportId, String tenantId, String requestedBy) {}

  public static byte[] render(Header header, JsonNode data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
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
      Image chart = ReportChart.draw(writer, data.path("figures"), document.getPageSize().getWidth() - 2 * MARGIN,
          CHART_HEIGHT);
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
    } catch (DocumentException e) {
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
}
