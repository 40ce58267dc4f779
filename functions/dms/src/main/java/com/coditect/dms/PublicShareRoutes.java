package com.coditect.dms;

import com.coditect.dms.api.AccessShareRequest;
import com.coditect.dms.api.SharePage;
import com.coditect.dms.domain.PublicShareService;
import com.coditect.shared.error.ApiException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import dagger.Lazy;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The public routes of a share link: no token, no tenant; the link's own token (in the path) is
 * the only credential. The path is never logged (the dispatcher logs the route key).
 */
@Singleton
final class PublicShareRoutes implements RouteGroup {

  static final String ACCESS_ROUTE = "POST /v1/public/shares/{token}/access";

  private final Lazy<PublicShareService> links;

  @Inject
  PublicShareRoutes(Lazy<PublicShareService> links) {
    this.links = links;
  }

  @Override
  public void prime() {
    links.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute("GET /v1/public/shares/{token}", this::describe)
        .publicRoute(ACCESS_ROUTE, this::access)
        .publicRoute("GET /share/{token}", this::page);
  }

  private ApiResponse describe(ApiRequest request) {
    return ApiResponse.ok(links.get().describe(request.pathParameter("token")));
  }

  private ApiResponse access(ApiRequest request) {
    // The body may be left out when the link has no password.
    AccessShareRequest body = request.bodyText().isBlank() ? new AccessShareRequest(null)
        : AccessShareRequest.from(request.jsonBody());
    String route = ACCESS_ROUTE.substring(ACCESS_ROUTE.indexOf(' ') + 1);
    return ApiResponse.ok(links.get().access(request.pathParameter("token"), body.password(),
        new PublicShareService.Origin(request.sourceIp(), request.userAgent(), request.method(), route)));
  }

  private ApiResponse page(ApiRequest request) {
    String token = request.pathParameter("token");
    try {
      PublicShareService.Link link = links.get().resolveForPage(token);
      return html(200, SharePage.render(PublicShareService.view(link), token));
    } catch (ApiException e) {
      String title = e.status() == 410 ? "This link is no longer available" : "This link does not exist";
      return html(e.status(), SharePage.renderProblem(title, e.detail()));
    }
  }

  /**
   * An HTML answer that may run only the page's own script and talk only to this API: the page
   * carries a token, so it is never cached, framed or sent on as a Referer.
   */
  private static ApiResponse html(int status, String page) {
    return new ApiResponse(status, Map.of(
        "Content-Type", "text/html; charset=utf-8",
        "Content-Security-Policy", SharePage.CONTENT_SECURITY_POLICY,
        "Cache-Control", "no-store",
        "Referrer-Policy", "no-referrer",
        "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY"), page);
  }
}
