package com.coditect.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.model.Severity;
import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.testing.PdfText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's PDF: it opens, and its chart shows the period's key figures with their labels. */
class ReportPdfTest {

  @Test
  void theChartShowsEachKeyFigureUnderItsLabel() throws IOException {
    ReportFigures figures = new ReportFigures();
    for (int i = 0; i < 7; i++) {
      figures.add("user.login_failed", Severity.of("user.login_failed"), "{}");
    }
    figures.add("user.role_changed", Severity.of("user.role_changed"), "{}");
    figures.add("document.exported", Severity.of("document.exported"), "{}");
    ObjectNode data = ComplianceReportData.build("soc2", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"),
        "2026-11-01T03:00:00.000Z", figures, new ChainVerificationResponse(true, true, null, 9, 1L, 9L, 9L, false, null), 9);

    String text = PdfText.read(ReportPdf.render(new ReportPdf.Header("r1", "t1", "u1"), data)).text();

    assertTrue(text.contains(ReportChart.TITLE), text);
    assertTrue(text.contains(ReportChart.AXIS_LABEL + " 0 2 4 6 8 "), "whole-number ticks up to the largest: " + text);
    // Each bar's value is drawn with its label: 1 access change, 1 privileged action (the role
    // change), no deletion, 1 export, 7 failed sign-ins, no review.
    assertTrue(text.contains("1 Access changes 1 Privileged actions 0 Deletions 1 Exports 7 Failed sign-ins "
        + "0 Reviews completed"), text);
  }

  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTenAndAtMostSixSteps() {
    assertEquals(1, ReportChart.tickStep(0));
    assertEquals(1, ReportChart.tickStep(6));
    assertEquals(2, ReportChart.tickStep(7));
    assertEquals(5, ReportChart.tickStep(30));
    assertEquals(10, ReportChart.tickStep(31));
    assertEquals(20_000, ReportChart.tickStep(100_000));
  }

  @Test
  void aLabelTooWideForItsBarGoesOnTwoLines() throws IOException {
    BaseFont helvetica = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    assertEquals(List.of("Exports"), ReportChart.lines("Exports", helvetica, 8, 80));
    assertEquals(List.of("Privileged", "actions"), ReportChart.lines("Privileged actions", helvetica, 8, 50));
  }
}
