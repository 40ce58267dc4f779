package com.coditect.pm;

import com.coditect.shared.http.Router;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The task routes of API.md's PM table: tasks, their restore and their activity. */
@Singleton
final class TaskRoutes implements RouteGroup {

  @Inject
  TaskRoutes() {}

  @Override
  public void addTo(Router.Builder routes) {
  }
}
