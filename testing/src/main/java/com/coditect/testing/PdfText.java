package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of a generated PDF, read back with OpenPDF's extractor: its page count and its words
 * with every run of whitespace made one space, since lines break wherever the page width says.
 */
public record PdfText(int pages, String text) {

  /** Reads {@code pdf}, which must start as a PDF does. */
  public static PdfText read(byte[] pdf) {
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), "not a PDF");
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return new PdfText(reader.getNumberOfPages(), text.toString().replaceAll("\\s+", " "));
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable PDF", e);
    }
  }
}
