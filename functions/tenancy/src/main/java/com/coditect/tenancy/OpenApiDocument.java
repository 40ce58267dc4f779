package com.coditect.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The OpenAPI 3.1 document (docs/openapi.json, packed into this jar), served as is. Read on first
 * request, not at init, so it costs cold starts nothing.
 */
@Singleton
public final class OpenApiDocument {

  private volatile String json;

  @Inject
  OpenApiDocument() {}

  public String json() {
    if (json == null) {
      try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
        if (in == null) {
          throw new IllegalStateException("openapi.json is not packaged");
        }
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return json;
  }
}
