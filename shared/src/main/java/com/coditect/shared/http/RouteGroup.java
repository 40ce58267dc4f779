package com.coditect.shared.http;

/**
 * The routes of one resource (tasks, audit reviews, ...): a handler adds every group to its
 * router. A group takes its services as {@code dagger.Lazy}, so a new Lambda instance builds them
 * (and their table schemas) when a request first needs them: a cold start pays for the resource it
 * serves, not for all of the function's.
 */
public interface RouteGroup {

  void addTo(Router.Builder routes);

  /** Builds the group's services now; SnapStart calls it before the snapshot (SnapStartPriming). */
  void prime();
}
