package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocsPageTest {

  private final DocsPage docs = DocsPage.fromClasspath();

  @Test
  void servesDocsAndWhatIsUnderItOnly() {
    assertTrue(DocsPage.serves("/docs"));
    assertTrue(DocsPage.serves("/docs/"));
    assertTrue(DocsPage.serves("/docs/swagger-ui.css"));
    assertFalse(DocsPage.serves("/docsx"));
    assertFalse(DocsPage.serves("/v1/docs"));
  }

  @Test
  void folderIsSwaggerUisIndexPage() {
    DocsPage.Asset index = docs.asset("/docs/").orElseThrow();
    assertEquals("text/html; charset=utf-8", index.contentType());
    String html = new String(index.body(), StandardCharsets.UTF_8);
    assertTrue(html.contains("swagger-ui-bundle.js") && html.contains("swagger-initializer.js"), html);
  }

  @Test
  void initializerIsOursAndLoadsThisApisDocument() {
    DocsPage.Asset initializer = docs.asset("/docs/swagger-initializer.js").orElseThrow();
    assertEquals("text/javascript; charset=utf-8", initializer.contentType());
    String script = new String(initializer.body(), StandardCharsets.UTF_8);
    assertTrue(script.contains("url: \"/v1/openapi.json\""), script);
    assertFalse(script.contains("petstore"), script);
  }

  @Test
  void distributionFilesComeFromTheWebjarWithTheirMediaTypes() {
    DocsPage.Asset bundle = docs.asset("/docs/swagger-ui-bundle.js").orElseThrow();
    assertEquals("text/javascript; charset=utf-8", bundle.contentType());
    assertTrue(bundle.body().length > 100_000, "the bundle is Swagger UI's, not a stub");
    assertEquals("text/css; charset=utf-8", docs.asset("/docs/swagger-ui.css").orElseThrow().contentType());
    assertEquals("image/png", docs.asset("/docs/favicon-32x32.png").orElseThrow().contentType());
  }

  @Test
  void namesOutsideTheDistributionFindNothing() {
    assertTrue(docs.asset("/docs/no-such-file.js").isEmpty());
    assertTrue(docs.asset("/docs/../docs/index.html").isEmpty());
    assertTrue(docs.asset("/docs/..%2Fpom.xml").isEmpty());
    assertTrue(docs.asset("/docs/sub/index.html").isEmpty());
    assertTrue(docs.asset("/docs/.hidden").isEmpty());
    // Another class's resource is not part of the page.
    assertTrue(docs.asset("/docs/LocalGateway.class").isEmpty());
  }
}
