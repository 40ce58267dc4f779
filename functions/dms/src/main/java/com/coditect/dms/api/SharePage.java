package com.coditect.dms.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * The public page of a share link ({@code GET /share/{token}}): the document's title, size and the
 * link's expiry, a password field when the link has one, and a download button that asks
 * {@code POST /v1/public/shares/{token}/access} with {@code fetch()} and follows the URL it gets.
 * Plain HTML with one inline script and one inline style, allowed by their SHA-256 in the
 * Content-Security-Policy (nothing else may run or load); every value is escaped by jsoup.
 */
public final class SharePage {

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
      h1{font-size:1.4rem;word-break:break-word}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}
      dt{color:#59636e}dd{margin:0;word-break:break-word}label{display:block;margin:1rem 0 .3rem}
      input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}
      button{margin-top:1rem;font-size:1rem;padding:.5rem 1.2rem;cursor:pointer}
      #message{min-height:1.5rem;margin-top:1rem}#message.error{color:#b42318}
      """;

  private static final String SCRIPT = """
      (function () {
        var form = document.getElementById('access');
        if (!form) { return; }
        var message = document.getElementById('message');
        var password = document.getElementById('password');
        function say(text, error) { message.textContent = text; message.className = error ? 'error' : ''; }
        form.addEventListener('submit', function (event) {
          event.preventDefault();
          var body = password ? { password: password.value } : {};
          say('Preparing your download...', false);
          fetch(form.getAttribute('data-access'), {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
          }).then(function (response) {
            return response.json().then(function (json) { return { status: response.status, json: json }; });
          }).then(function (result) {
            if (result.status === 200) {
              say('Your download is starting.', false);
              window.location.assign(result.json.url);
            } else if (result.status === 401) {
              say('Wrong password. Try again.', true);
            } else {
              say(result.json.detail || 'The file cannot be downloaded.', true);
            }
          }).catch(function () { say('The request failed. Try again.', true); });
        });
      })();
      """;

  /** Only the page's own style and script; requests only to this origin; no forms, frames or base. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT)
      + "'; style-src '" + sha256(STYLE) + "'; connect-src 'self'; img-src 'none'; form-action 'none';"
      + " frame-ancestors 'none'; base-uri 'none'";

  private SharePage() {}

  /** The page of a usable link. */
  public static String render(PublicShareResponse link, String token) {
    boolean download = "download".equals(link.permissionLevel());
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(e(link.title())).append("</h1>\n<dl>\n")
        .append("<dt>File</dt><dd id=\"file-name\">").append(e(link.fileName() == null ? "-" : link.fileName()))
        .append("</dd>\n")
        .append("<dt>Size</dt><dd id=\"size\">").append(e(size(link.fileSizeBytes()))).append("</dd>\n")
        .append("<dt>Available until</dt><dd id=\"expires\">")
        .append(e(link.expiresAt() == null ? "no expiry" : link.expiresAt().replace('T', ' ').replace("Z", " UTC")))
        .append("</dd>\n</dl>\n");
    if (download) {
      body.append("<form id=\"access\" data-access=\"/v1/public/shares/").append(e(token)).append("/access\">\n");
      if (link.needsPassword()) {
        body.append("<label for=\"password\">This link is protected by a password</label>\n")
            .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"off\" required>\n");
      }
      body.append("<button id=\"download\" type=\"submit\">Download</button>\n</form>\n")
          .append("<p id=\"message\" role=\"status\"></p>\n");
    } else {
      body.append("<p id=\"message\">This link shows the document's details only.</p>\n");
    }
    return document(link.title(), body.toString());
  }

  /** The page of an unknown or unusable link. */
  public static String renderProblem(String title, String detail) {
    return document(title, "<h1>" + e(title) + "</h1>\n<p id=\"message\">" + e(detail) + "</p>\n");
  }

  private static String document(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>" + e(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body
        + "<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
  }

  /** Bytes as people read them: 1 KB = 1024 bytes, one decimal above a kilobyte. */
  static String size(Long bytes) {
    if (bytes == null) {
      return "-";
    }
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static String e(String text) {
    return Entities.escape(text == null ? "" : text);
  }

  private static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JVM has SHA-256", ex);
    }
  }
}
