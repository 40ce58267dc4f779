package com.coditect.workflows;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.workflows.api.AnalysisFilters;
import com.coditect.workflows.api.DiagramFilters;
import com.coditect.workflows.domain.AnalysisService;
import com.coditect.workflows.domain.DiagramService;
import dagger.Lazy;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A workflow's analysis and its diagram (reads: any role). The diagram is Mermaid text
 * ({@code text/vnd.mermaid}, the name Mermaid's own tools use; no type is registered) or SVG
 * ({@code image/svg+xml}).
 */
@Singleton
final class AnalysisRoutes implements RouteGroup {

  static final String MERMAID = "text/vnd.mermaid; charset=utf-8";
  static final String SVG = "image/svg+xml; charset=utf-8";

  private final Lazy<AnalysisService> analysis;
  private final Lazy<DiagramService> diagrams;

  @Inject
  AnalysisRoutes(Lazy<AnalysisService> analysis, Lazy<DiagramService> diagrams) {
    this.analysis = analysis;
    this.diagrams = diagrams;
  }

  /**
   * Before a SnapStart snapshot: the services, and one small layout, so that a restored instance
   * has ELK's classes loaded (about 2 s in a fresh JVM). A plain cold start never runs this: there
   * ELK loads with the first diagram, off every other route's path.
   */
  @Override
  public void prime() {
    analysis.get();
    diagrams.get().warmUp();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/workflows/{workflow_id}/analysis", Access.ANY_ROLE, this::analysis)
        .route("GET /v1/workflows/{workflow_id}/diagram", Access.ANY_ROLE, this::diagram);
  }

  private ApiResponse analysis(ApiRequest request, Caller caller) {
    String workflowId = request.uuidPathParameter("workflow_id");
    return ApiResponse.ok(analysis.get().analyse(caller, workflowId, AnalysisFilters.of(request)));
  }

  private ApiResponse diagram(ApiRequest request, Caller caller) {
    String workflowId = request.uuidPathParameter("workflow_id");
    DiagramFilters filters = DiagramFilters.of(request);
    String drawn = diagrams.get().draw(caller, workflowId, filters);
    return new ApiResponse(200, Map.of("Content-Type",
        filters.format() == DiagramFilters.Format.MERMAID ? MERMAID : SVG), drawn);
  }
}
