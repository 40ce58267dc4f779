package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Comment Markdown becomes HTML that keeps formatting and loses everything executable. */
class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersCommonMarkFormatting() {
    assertEquals("<p><strong>bold</strong> and <em>soft</em> and <code>x &lt; y</code></p>\n",
        renderer.toHtml("**bold** and *soft* and `x < y`"));
    String list = renderer.toHtml("- one\n- two\n\n> quoted");
    assertTrue(list.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"), list);
    assertTrue(list.contains("<blockquote>"), list);
  }

  @Test
  void linksGetNofollowAndOnlySafeSchemesSurvive() {
    String html = renderer.toHtml("[docs](https://example.com/a?b=1) [mail](mailto:a@example.com) "
        + "[evil](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)");
    assertTrue(html.contains("<a href=\"https://example.com/a?b=1\" rel=\"nofollow\">docs</a>"), html);
    assertTrue(html.contains("<a href=\"mailto:a@example.com\" rel=\"nofollow\">mail</a>"), html);
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("javascript:"), html);
    assertFalse(lower.contains("data:"), html);
    assertFalse(lower.contains("vbscript:"), html);
    assertTrue(html.contains(">evil</a>"), "the link text stays, only its target goes: " + html);
  }

  @Test
  void rawHtmlNeverPasses() {
    String html = renderer.toHtml("hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        + "<div onclick=\"steal()\">click</div>\n\n<a href=\"javascript:alert(2)\">x</a> "
        + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>\n\n<svg onload=alert(3)>");
    String lower = html.toLowerCase(Locale.ROOT);
    for (String forbidden : new String[] {"<script", "alert(1)", "<img", "onerror", "onclick", "javascript:", "<iframe",
        "<style", "<svg", "onload", "<div"}) {
      assertFalse(lower.contains(forbidden), forbidden + " survived in " + html);
    }
    assertTrue(html.contains("click"), "text content stays: " + html);
  }

  @Test
  void autolinksAndImagesAreTamed() {
    String html = renderer.toHtml("<https://example.com> ![alt](https://example.com/i.png)");
    assertTrue(html.contains("<a href=\"https://example.com\" rel=\"nofollow\">https://example.com</a>"), html);
    assertFalse(html.contains("<img"), "images are not in the basic safelist: " + html);
  }
}
