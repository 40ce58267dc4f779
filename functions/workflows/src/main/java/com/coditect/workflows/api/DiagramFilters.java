package com.coditect.workflows.api;

import com.coditect.shared.http.ApiRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /v1/workflows/{workflow_id}/diagram}: {@code format} ({@code svg}, the
 * default, or {@code mermaid}) and the {@code execution_id} whose path to draw (null: none).
 */
public record DiagramFilters(Format format, @Nullable String executionId) {

  /** What the diagram is drawn as. */
  public enum Format {
    SVG,
    MERMAID
  }

  public static DiagramFilters of(ApiRequest request) {
    String format = request.choiceQueryParameter("format", List.of("svg", "mermaid")).orElse("svg");
    return new DiagramFilters(format.equals("mermaid") ? Format.MERMAID : Format.SVG,
        request.uuidQueryParameter("execution_id").orElse(null));
  }
}
