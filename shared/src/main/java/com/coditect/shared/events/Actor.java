package com.coditect.shared.events;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.tenancy.Principal;

/**
 * Who made a change and through which request: the part of every event that the audit trail
 * needs beyond the change itself.
 */
public record Actor(String userId, String ip, String userAgent, String method, String path) {

  public static Actor of(ApiRequest request, Principal principal) {
    return new Actor(principal.userId(), request.sourceIp(), request.userAgent(), request.method(), request.path());
  }

  /** For changes made by the platform itself (schedules, consumers). */
  public static Actor system(String component) {
    return new Actor("system:" + component, null, null, null, null);
  }
}
