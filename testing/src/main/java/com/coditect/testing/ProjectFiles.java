package com.coditect.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and the files tests treat as the source of truth. */
public final class ProjectFiles {

  private static final String TEMPLATE = "template.yaml";

  private ProjectFiles() {}

  /**
   * The directory holding {@code template.yaml}: the {@code project.root} system property (set by
   * surefire) when it points at one, else the nearest such directory above the working directory,
   * so tests also run from an IDE that starts them inside a module.
   */
  public static Path root() {
    String configured = System.getProperty("project.root");
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
        return dir;
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
        return dir;
      }
    }
    throw new IllegalStateException("no " + TEMPLATE + " found at -Dproject.root=" + configured
        + " nor above " + Path.of("").toAbsolutePath());
  }

  /** The SAM template. */
  public static Path template() {
    return root().resolve(TEMPLATE);
  }

  /** The OpenAPI 3.1 document. */
  public static Path openApi() {
    return root().resolve("docs").resolve("openapi.json");
  }
}
