package com.coditect.pm.domain;

import javax.inject.Inject;
import javax.inject.Singleton;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Comment Markdown to safe HTML: CommonMark renders it, then jsoup keeps only
 * {@link Safelist#basic()} (text formatting, lists, quotes, code and http(s)/mailto links with
 * {@code rel="nofollow"}). Raw HTML in the Markdown reaches the sanitiser like any other markup,
 * so a {@code <script>}, an {@code onerror=} or a {@code javascript:} link never survives.
 */
@Singleton
public final class MarkdownRenderer {

  // Parser and renderer are immutable and thread-safe once built; the safelist is only read.
  // Output settings hold an encoder, so each call gets its own.
  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().sanitizeUrls(true).build();
  private final Safelist safelist = Safelist.basic();

  @Inject
  public MarkdownRenderer() {}

  public String toHtml(String markdown) {
    String html = renderer.render(parser.parse(markdown));
    return Jsoup.clean(html, "", safelist, new Document.OutputSettings().prettyPrint(false));
  }
}
