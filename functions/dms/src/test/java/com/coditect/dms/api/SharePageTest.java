package com.coditect.dms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The public share page: what it shows, escaped, under a policy that lets only its own code run. */
class SharePageTest {

  private static final String TOKEN = "Xb3t9qLw0vT7cK2mN5pR8sU1yZ4aD6fG9hJ2kL5nP8q";

  @Test
  void everyValueIsEscaped() {
    String hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
    String html = SharePage.render(new PublicShareResponse(hostile, hostile + ".pdf", 10L, "text/plain", true, null,
        "download"), TOKEN);
    Document page = Jsoup.parse(html);
    assertEquals(hostile, page.selectFirst("h1").text());
    assertEquals(hostile + ".pdf", page.getElementById("file-name").text());
    assertEquals(1, page.select("script").size(), "only the page's own script");
    assertTrue(page.select("img").isEmpty());
    assertEquals(hostile, page.title());
  }

  @Test
  void aDownloadLinkHasTheFormAndAViewLinkDoesNot() {
    Document download = Jsoup.parse(SharePage.render(new PublicShareResponse("T", "f.txt", 2048L, "text/plain", false,
        "2099-01-01T00:00:00.000Z", "download"), TOKEN));
    assertEquals("/v1/public/shares/" + TOKEN + "/access", download.getElementById("access").attr("data-access"));
    assertTrue(download.select("#password").isEmpty(), "no password, no field");
    assertEquals("2.0 KB", download.getElementById("size").text());
    assertEquals("2099-01-01 00:00:00.000 UTC", download.getElementById("expires").text());

    Document view = Jsoup.parse(SharePage.render(new PublicShareResponse("T", "f.txt", 5L, "text/plain", true, null,
        "view"), TOKEN));
    assertTrue(view.select("form").isEmpty());
    assertEquals("no expiry", view.getElementById("expires").text());
  }

  @Test
  void sizesReadAsPeopleReadThem() {
    assertEquals("-", SharePage.size(null));
    assertEquals("0 bytes", SharePage.size(0L));
    assertEquals("1023 bytes", SharePage.size(1023L));
    assertEquals("1.0 KB", SharePage.size(1024L));
    assertEquals("470.8 KB", SharePage.size(482113L));
    assertEquals("1.5 GB", SharePage.size(1610612736L));
  }

  @Test
  void thePolicyAllowsOnlyThePagesOwnStyleAndScript() {
    String policy = SharePage.CONTENT_SECURITY_POLICY;
    assertTrue(policy.startsWith("default-src 'none'; "), policy);
    assertTrue(policy.contains("connect-src 'self'"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
    assertEquals(2, policy.split("'sha256-", -1).length - 1, "one hash for the script, one for the style");
  }
}
