package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The board routes of API.md's PM table. */
@Singleton
final class BoardRoutes implements RouteGroup {

  @Inject
  BoardRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
