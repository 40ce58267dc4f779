package com.coditect.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's bar chart of the period's key figures, drawn with OpenPDF's own operations (lines,
 * rectangles, text in the standard Helvetica) as a vector drawing. A chart library would add about
 * 1.7 MB to the generator's jar for this one chart, and a raster image of it.
 */
final class ReportChart {

  static final String TITLE = "Key figures of the period";
  static final String AXIS_LABEL = "Entries";

  /** The figures the chart shows, with their labels, in order. */
  static final Map<String, String> CHARTED = new LinkedHashMap<>();

  static {
    CHARTED.put("access_changes", "Access changes");
    CHARTED.put("privileged_actions", "Privileged actions");
    CHARTED.put("deletions", "Deletions");
    CHARTED.put("exports", "Exports");
    CHARTED.put("failed_sign_ins", "Failed sign-ins");
    CHARTED.put("audit_reviews_completed", "Reviews completed");
  }

  private static final Color BAR = new Color(0x2F, 0x5D, 0x8A);
  private static final Color GRID = new Color(0xC0, 0xC0, 0xC0);
  private static final Color AXIS = new Color(0x80, 0x80, 0x80);
  private static final Color TEXT = new Color(0x33, 0x33, 0x33);
  private static final float TITLE_SIZE = 11;
  private static final float LABEL_SIZE = 8;
  private static final float VALUE_SIZE = 8;
  /** Room around the plot: tick labels and the axis name on the left, the title above, category labels below. */
  private static final float LEFT = 46;
  private static final float RIGHT = 8;
  private static final float TOP = 26;
  private static final float BOTTOM = 28;
  private static final float BAR_SHARE = 0.6f;
  private static final int MAX_TICKS = 6;

  private ReportChart() {}

  /** The chart, {@code width} by {@code height} points, ready to add to the document like an image. */
  static Image draw(PdfWriter writer, JsonNode figures, float width, float height) throws BadElementException {
    BaseFont regular = font(BaseFont.HELVETICA);
    BaseFont bold = font(BaseFont.HELVETICA_BOLD);
    PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);

    float plotLeft = LEFT;
    float plotRight = width - RIGHT;
    float plotBottom = BOTTOM;
    float plotTop = height - TOP;
    long max = 0;
    for (String figure : CHARTED.keySet()) {
      max = Math.max(max, figures.path(figure).asLong());
    }
    long step = tickStep(max);
    long top = Math.max(step, (max + step - 1) / step * step);

    text(chart, bold, TITLE_SIZE, TITLE, width / 2, height - TITLE_SIZE - 4, Element.ALIGN_CENTER, 0);
    text(chart, regular, LABEL_SIZE, AXIS_LABEL, LABEL_SIZE + 2, (plotBottom + plotTop) / 2, Element.ALIGN_CENTER, 90);

    // Whole-number ticks with a gridline each: the figures are counts.
    chart.setLineWidth(0.5f);
    for (long tick = 0; tick <= top; tick += step) {
      float y = plotBottom + (plotTop - plotBottom) * tick / top;
      chart.setColorStroke(tick == 0 ? AXIS : GRID);
      chart.moveTo(plotLeft, y);
      chart.lineTo(plotRight, y);
      chart.stroke();
      text(chart, regular, LABEL_SIZE, Long.toString(tick), plotLeft - 4, y - LABEL_SIZE / 3, Element.ALIGN_RIGHT, 0);
    }
    chart.setColorStroke(AXIS);
    chart.moveTo(plotLeft, plotBottom);
    chart.lineTo(plotLeft, plotTop);
    chart.stroke();

    float slot = (plotRight - plotLeft) / CHARTED.size();
    int index = 0;
    for (Map.Entry<String, String> figure : CHARTED.entrySet()) {
      long value = figures.path(figure.getKey()).asLong();
      float centre = plotLeft + slot * (index + 0.5f);
      float barHeight = (plotTop - plotBottom) * value / top;
      chart.setColorFill(BAR);
      chart.rectangle(centre - slot * BAR_SHARE / 2, plotBottom, slot * BAR_SHARE, barHeight);
      chart.fill();
      text(chart, regular, VALUE_SIZE, Long.toString(value), centre, plotBottom + barHeight + 3, Element.ALIGN_CENTER,
          0);
      List<String> lines = lines(figure.getValue(), regular, LABEL_SIZE, slot - 4);
      for (int line = 0; line < lines.size(); line++) {
        text(chart, regular, LABEL_SIZE, lines.get(line), centre, plotBottom - (LABEL_SIZE + 2) * (line + 1),
            Element.ALIGN_CENTER, 0);
      }
      index++;
    }
    return Image.getInstance(chart);
  }

  /** The step between ticks: 1, 2 or 5 times a power of ten, so that at most six steps reach {@code max}. */
  static long tickStep(long max) {
    long step = 1;
    while (true) {
      for (long multiple : new long[] {1, 2, 5}) {
        if (max <= step * multiple * MAX_TICKS) {
          return step * multiple;
        }
      }
      step *= 10;
    }
  }

  /** A label on one line, or on two (split at the space nearest its middle) if it is wider than {@code room}. */
  static List<String> lines(String label, BaseFont font, float size, float room) {
    if (font.getWidthPoint(label, size) <= room || label.indexOf(' ') < 0) {
      return List.of(label);
    }
    int middle = label.length() / 2;
    int split = -1;
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) == ' ' && (split < 0 || Math.abs(i - middle) < Math.abs(split - middle))) {
        split = i;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(label.substring(0, split));
    lines.add(label.substring(split + 1));
    return lines;
  }

  private static void text(PdfContentByte canvas, BaseFont font, float size, String text, float x, float y,
      int alignment, float rotation) {
    canvas.beginText();
    canvas.setColorFill(TEXT);
    canvas.setFontAndSize(font, size);
    canvas.showTextAligned(alignment, text, x, y, rotation);
    canvas.endText();
  }

  /** One of the PDF's standard fonts, as the report's text uses: nothing to embed. */
  private static BaseFont font(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
