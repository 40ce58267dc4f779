package com.coditect.tenancy;

import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The API's OpenAPI document: public, as it describes the API and holds no tenant's data. */
@Singleton
final class OpenApiRoutes implements RouteGroup {

  private final Lazy<OpenApiDocument> document;

  @Inject
  OpenApiRoutes(Lazy<OpenApiDocument> document) {
    this.document = document;
  }

  @Override
  public void prime() {
    document.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute("GET /v1/openapi.json", request -> ApiResponse.ok(document.get().json()));
  }
}
