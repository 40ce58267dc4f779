package com.coditect.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * The local-only API reference at {@code /docs}: Swagger UI's distribution from the
 * {@code org.webjars:swagger-ui} jar on the classpath, rendering {@code GET /v1/openapi.json}. Only
 * its {@code swagger-initializer.js} (which document to load, and how) is ours. Nothing comes from a
 * CDN, so the page works offline; the deployed API has no such route.
 */
final class DocsPage {

  static final String PATH = "/docs";
  static final String WEBJAR = "swagger-ui";
  /** The one file of the distribution replaced by ours (the distribution's loads a public demo API). */
  private static final String INITIALIZER = "swagger-initializer.js";
  /** Swagger UI's distribution is one flat folder: a file name is all a request may name. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String distribution;

  private DocsPage(String distribution) {
    this.distribution = distribution;
  }

  /** Finds the Swagger UI webjar on the classpath; fails at start when it is missing. */
  static DocsPage fromClasspath() {
    String version = new WebJarVersionLocator().version(WEBJAR);
    if (version == null) {
      throw new IllegalStateException("the " + WEBJAR + " webjar is not on the classpath");
    }
    return new DocsPage(WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/" + WEBJAR + "/" + version + "/");
  }

  /** True for the paths this page answers: {@code /docs} and everything under it. */
  static boolean serves(String path) {
    return path.equals(PATH) || path.startsWith(PATH + "/");
  }

  /** A file of the page, or empty when {@code path} (under {@code /docs/}) names none. */
  Optional<Asset> asset(String path) {
    String name = path.equals(PATH + "/") ? "index.html" : path.substring(PATH.length() + 1);
    if (!FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String resource = name.equals(INITIALIZER) ? "/docs/" + INITIALIZER : "/" + distribution + name;
    try (InputStream in = DocsPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Asset(contentType(name), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String contentType(String name) {
    String type = URLConnection.guessContentTypeFromName(name);
    if (type == null) {
      return "application/octet-stream";
    }
    return type.startsWith("text/") ? type + "; charset=utf-8" : type;
  }

  /** A file of the page and its media type. */
  record Asset(String contentType, byte[] body) {}
}
