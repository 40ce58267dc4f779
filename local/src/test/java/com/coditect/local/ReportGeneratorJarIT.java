package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.domain.ComplianceFrameworks;
import com.coditect.audit.domain.ComplianceReportData;
import com.coditect.audit.domain.ReportFigures;
import com.coditect.audit.model.Severity;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.PdfText;
import com.coditect.testing.ProjectFiles;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The report generator's shaded jar (the CodeUri of ComplianceReportFunction) leaves out parts of
 * OpenPDF to stay under the 12 MB target: fonts, readers, forms, barcodes and more that the report
 * never uses. Drawing reports with that jar alone, on a class loader that sees nothing else (as in
 * Lambda), proves nothing the report needs was left out. Every framework is drawn, with a chain
 * intact and broken, so the control table breaks across pages, and with text beyond Latin-1.
 */
class ReportGeneratorJarIT {

  @Test
  void theGeneratorsJarAloneDrawsEveryFrameworksReport() throws Exception {
    Path jar = ProjectFiles.root().resolve(String.valueOf(
        CloudTemplate.load().resourceProperties("ComplianceReportFunction").get("CodeUri")));
    assertTrue(Files.isRegularFile(jar), jar + " is not built: run mvn package (make test does) first");

    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader function = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Thread.currentThread().setContextClassLoader(function);
      for (String type : ComplianceFrameworks.TYPES) {
        for (boolean intact : new boolean[] {true, false}) {
          PdfText pdf = PdfText.read(render(function, data(type, intact)));
          assertFalse(pdf.pages() < 2, "the control table should run onto a second page");
          String text = pdf.text();
          assertTrue(text.contains(ComplianceFrameworks.name(type)), text);
          assertTrue(text.contains("Key figures of the period"), text);
          assertTrue(text.contains(intact ? "Intact" : "FAILED"), text);
        }
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** A report's data as the generator builds it, as JSON; figures of every kind, some of them large. */
  private static String data(String type, boolean intact) {
    ReportFigures figures = new ReportFigures();
    String[] actions = {"user.created", "user.deleted", "user.role_changed", "document.permission_granted",
        "task.deleted", "tenant.updated", "user.login_failed", "user.login", "document.exported",
        "audit_review.created"};
    for (int i = 0; i < 1_234; i++) {
      String action = actions[i % actions.length];
      figures.add(action, Severity.INFO, "{}");
    }
    figures.add("audit_review.updated", Severity.INFO, "{\"status\":{\"old\":\"in_progress\",\"new\":\"completed\"}}");
    ChainVerificationResponse chain = intact
        ? new ChainVerificationResponse(true, true, null, 1_235, 1L, 1_235L, 1_235L, false, null)
        : new ChainVerificationResponse(false, false, new ChainVerificationResponse.FirstBreak(7, "altered"), 6, 1L, 6L, 1_235L,
            false, null);
    return ComplianceReportData.build(type, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"),
        "2026-11-01T03:00:00.000Z", figures, chain, intact ? 1_235 : 6).toString();
  }

  /** {@code ReportPdf.render} as loaded from the jar, with the jar's own Jackson reading the data. */
  private static byte[] render(ClassLoader function, String json) throws ReflectiveOperationException {
    Class<?> mapperType = function.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
    Object data = mapperType.getMethod("readTree", String.class).invoke(mapperType.getConstructor().newInstance(),
        json);
    Class<?> headerType = function.loadClass("com.coditect.audit.domain.ReportPdf$Header");
    Object header = headerType.getConstructor(String.class, String.class, String.class)
        .newInstance("report-é-日本", "tenant-ü", "user-Ω");
    try {
      return (byte[]) function.loadClass("com.coditect.audit.domain.ReportPdf")
          .getMethod("render", headerType, function.loadClass("com.fasterxml.jackson.databind.JsonNode"))
          .invoke(null, header, data);
    } catch (InvocationTargetException e) {
      throw new AssertionError("the jar could not draw the report", e.getCause());
    }
  }
}
