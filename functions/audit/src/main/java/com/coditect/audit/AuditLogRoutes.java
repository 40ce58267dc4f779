package com.coditect.audit;

import com.coditect.audit.api.AuditLogFilters;
import com.coditect.audit.domain.AuditLogService;
import com.coditect.audit.domain.AuditVerifier;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The audit log routes of API.md: the log with its filters, and the chain's verification. Only
 * auditors, owners and admins read them; no route writes an entry.
 */
@Singleton
final class AuditLogRoutes implements RouteGroup {

  private final Lazy<AuditLogService> log;

  @Inject
  AuditLogRoutes(Lazy<AuditLogService> log) {
    this.log = log;
  }

  @Override
  public void prime() {
    log.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/audit-logs", Access.AUDITORS, this::list)
        .route("GET /v1/audit-logs/verify", Access.AUDITORS, this::verify);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    AuditLogFilters filters = AuditLogFilters.from(request);
    return ApiResponse.ok(log.get().list(caller, filters, request.page()));
  }

  private ApiResponse verify(ApiRequest request, Caller caller) {
    // Verify pages are larger than list pages: they return a summary, not the entries.
    PageRequest page = PageRequest.of(request.queryParameter("limit"), request.queryParameter("cursor"),
        AuditVerifier.MAX_PAGE, AuditVerifier.MAX_PAGE);
    return ApiResponse.ok(log.get().verify(caller, page.cursor(), page.limit()));
  }
}
