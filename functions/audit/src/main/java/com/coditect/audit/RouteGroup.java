package com.coditect.audit;

import com.coditect.shared.http.Router;

/**
 * The routes of one audit resource (log, reviews, reports): the handler adds every group to its
 * router. A group takes its services as {@code dagger.Lazy}, so a new Lambda instance builds them
 * (and their table schemas) when a request first needs them, not all at init.
 */
public interface RouteGroup {

  void addTo(Router.Builder routes);

  /** Builds the group's services now; SnapStart calls it before the snapshot (SnapStartPriming). */
  void prime();
}
