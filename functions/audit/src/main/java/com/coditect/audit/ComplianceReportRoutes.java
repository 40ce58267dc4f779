package com.coditect.audit;

import com.coditect.audit.api.CreateComplianceReportRequest;
import com.coditect.audit.domain.ComplianceReportService;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The compliance report routes of API.md: request one (202, generated asynchronously), list, read,
 * and download its PDF. Auditors, owners and admins only.
 */
@Singleton
final class ComplianceReportRoutes implements RouteGroup {

  private final Lazy<ComplianceReportService> reports;
  private final Idempotency idempotency;

  @Inject
  ComplianceReportRoutes(Lazy<ComplianceReportService> reports, Idempotency idempotency) {
    this.reports = reports;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    reports.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/compliance-reports", Access.AUDITORS, this::list)
        .route("POST /v1/compliance-reports", Access.AUDITORS, this::create)
        .route("GET /v1/compliance-reports/{report_id}", Access.AUDITORS, this::get)
        .route("GET /v1/compliance-reports/{report_id}/file", Access.AUDITORS, this::file);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    var type = request.choiceQueryParameter("report_type", ComplianceReportType.class);
    return ApiResponse.ok(reports.get().list(caller, type, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateComplianceReportRequest body = CreateComplianceReportRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> reports.get().request(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.ok(reports.get().get(caller, request.uuidPathParameter("report_id")));
  }

  /** 302 to a presigned GET of the PDF, valid five minutes. */
  private ApiResponse file(ApiRequest request, Caller caller) {
    String url = reports.get().fileUrl(caller, request.uuidPathParameter("report_id")).toString();
    return new ApiResponse(302, Map.of("Location", url, "Cache-Control", "no-store"), null);
  }
}
