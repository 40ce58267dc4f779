package com.coditect.audit;

import com.coditect.shared.http.Router;

/** The routes of one audit resource (log, reviews, reports): the handler adds every group to its router. */
public interface RouteGroup {

  void addTo(Router.Builder routes);
}
