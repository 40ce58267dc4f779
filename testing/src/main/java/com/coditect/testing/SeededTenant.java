package com.coditect.testing;

import java.util.Map;

/**
 * A tenant written by {@link AwsTestEnvironment#seedTenant}: its users by role and one project, for
 * the functions that read tenancy's items but do not own them.
 */
public record SeededTenant(
    String id, String ownerId, String adminId, String memberId, String viewerId, String projectId) {

  public SeededTenant withProject(String projectId) {
    return new SeededTenant(id, ownerId, adminId, memberId, viewerId, projectId);
  }

  public Map<String, String> owner() {
    return HttpEvents.claims(ownerId, id, "owner");
  }

  public Map<String, String> admin() {
    return HttpEvents.claims(adminId, id, "admin");
  }

  public Map<String, String> member() {
    return HttpEvents.claims(memberId, id, "member");
  }

  public Map<String, String> viewer() {
    return HttpEvents.claims(viewerId, id, "viewer");
  }
}
