package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProjectFilesTest {

  @Test
  void findsTheTemplateAndTheOpenApiDocumentAtTheRoot() {
    assertTrue(Files.isRegularFile(ProjectFiles.template()));
    assertTrue(Files.isRegularFile(ProjectFiles.openApi()));
    assertEquals(ProjectFiles.root(), ProjectFiles.template().getParent());
  }
}
