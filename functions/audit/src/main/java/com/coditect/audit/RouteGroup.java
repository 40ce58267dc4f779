package com.coditect.audit;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.Router;
import com.coditect.shared.store.PageRequest;

/** The routes of one audit resource (log, reviews, reports): the handler adds every group to its router. */
public interface RouteGroup {

  void addTo(Router.Builder routes);

  /** {@code ?limit=} and {@code ?cursor=} of a list request. */
  static PageRequest page(ApiRequest request) {
    return PageRequest.of(request.queryParameter("limit"), request.queryParameter("cursor"));
  }
}
