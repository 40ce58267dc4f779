package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The sprint routes of API.md's PM table. */
@Singleton
final class SprintRoutes implements RouteGroup {

  @Inject
  SprintRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
