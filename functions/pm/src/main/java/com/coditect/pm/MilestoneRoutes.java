package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The milestone routes of API.md's PM table. */
@Singleton
final class MilestoneRoutes implements RouteGroup {

  @Inject
  MilestoneRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
