package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The attachment routes of API.md's PM table. */
@Singleton
final class AttachmentRoutes implements RouteGroup {

  @Inject
  AttachmentRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
