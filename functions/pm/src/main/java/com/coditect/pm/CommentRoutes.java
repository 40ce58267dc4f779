package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The comment routes of API.md's PM table. */
@Singleton
final class CommentRoutes implements RouteGroup {

  @Inject
  CommentRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
