package com.coditect.audit;

import com.coditect.audit.api.AuditEntryResponse;
import com.coditect.audit.api.AuditLogFilters;
import com.coditect.audit.data.AuditLogQueries;
import com.coditect.audit.domain.AuditVerifier;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Principal;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The audit log routes of API.md: the log with its filters, and the chain's verification. Only
 * auditors, owners and admins read them; no route writes an entry.
 */
@Singleton
final class AuditLogRoutes implements RouteGroup {

  private final AuditLogQueries log;
  private final AuditVerifier verifier;

  @Inject
  AuditLogRoutes(AuditLogQueries log, AuditVerifier verifier) {
    this.log = log;
    this.verifier = verifier;
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/audit-logs", this::list)
        .route("GET /v1/audit-logs/verify", this::verify);
  }

  private ApiResponse list(ApiRequest request, Principal principal) {
    principal.requireAuditor();
    AuditLogFilters filters = AuditLogFilters.from(request);
    return ApiResponse.ok(log.list(principal.tenantId(), filters, RouteGroup.page(request)).map(AuditEntryResponse::of));
  }

  private ApiResponse verify(ApiRequest request, Principal principal) {
    principal.requireAuditor();
    return ApiResponse.ok(verifier.verifyPage(principal.tenantId(), request.queryParameter("cursor"), verifyLimit(request)));
  }

  /** Verify pages are larger than list pages: they return a summary, not the entries. */
  private static int verifyLimit(ApiRequest request) {
    Optional<String> limit = request.queryParameter("limit");
    if (limit.isEmpty()) {
      return AuditVerifier.MAX_PAGE;
    }
    try {
      int value = Integer.parseInt(limit.get());
      if (value >= 1 && value <= AuditVerifier.MAX_PAGE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw BadRequestException.forField("limit", "must be a whole number from 1 to " + AuditVerifier.MAX_PAGE);
  }
}
