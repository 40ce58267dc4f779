package com.coditect.dms.domain;

import com.coditect.dms.data.Grant;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The level a user has on a document, and why. Owners and admins of the tenant have admin on every
 * document, and a document's owner on their own. Anyone else has the highest level among the
 * live grants that reach the document: on the document itself or on one of its folders (a grant on
 * a folder covers everything below it), to the user or to one of their teams. A grant lower down
 * may raise what is inherited but never lower it (Box's rule), which taking the highest gives.
 * Expired grants are shown, never counted.
 */
public final class PermissionResolver {

  private PermissionResolver() {}

  /**
   * The document: its id, owner and folders from its own up to the root (nearest first). For a
   * folder itself: no document id, its creator as the owner, and the folder first.
   */
  public record Place(String documentId, String ownerId, List<String> folders) {}

  /** Who asks: the user, their tenant role and the teams they belong to. */
  public record Subject(String userId, Role role, Set<String> teamIds) {}

  /** How a grant reached the document. */
  public enum Route { DIRECT, INHERITED, DIRECT_VIA_TEAM, INHERITED_VIA_TEAM }

  /** A grant that reaches the document for the subject, whether it counted (false: expired). */
  public record Reach(Grant grant, Route route, boolean counted) {}

  /**
   * The answer: the level (empty: none), why it is so when it is not from grants
   * ({@code tenant_admin}, or {@code owner}: the document's owner, the folder's creator; null otherwise), and every grant that reaches.
   */
  public record Effective(Optional<PermissionLevel> level, String because, List<Reach> grants) {}

  public static Effective resolve(Place place, Subject subject, List<Grant> grants, Instant now) {
    List<Reach> reaches = new ArrayList<>();
    PermissionLevel best = null;
    for (Grant grant : grants) {
      Optional<Route> route = route(place, subject, grant);
      if (route.isEmpty()) {
        continue;
      }
      boolean counted = !grant.expiredAt(now);
      reaches.add(new Reach(grant, route.get(), counted));
      if (counted && (best == null || grant.level().compareTo(best) > 0)) {
        best = grant.level();
      }
    }
    if (subject.role() == Role.OWNER || subject.role() == Role.ADMIN) {
      return new Effective(Optional.of(PermissionLevel.ADMIN), "tenant_admin", reaches);
    }
    if (subject.userId().equals(place.ownerId())) {
      return new Effective(Optional.of(PermissionLevel.ADMIN), "owner", reaches);
    }
    return new Effective(Optional.ofNullable(best), null, reaches);
  }

  private static Optional<Route> route(Place place, Subject subject, Grant grant) {
    boolean direct = grant.documentId() != null && grant.documentId().equals(place.documentId());
    boolean inherited = grant.folderId() != null && place.folders().contains(grant.folderId());
    if (!direct && !inherited) {
      return Optional.empty();
    }
    if (subject.userId().equals(grant.userId())) {
      return Optional.of(direct ? Route.DIRECT : Route.INHERITED);
    }
    if (grant.teamId() != null && subject.teamIds().contains(grant.teamId())) {
      return Optional.of(direct ? Route.DIRECT_VIA_TEAM : Route.INHERITED_VIA_TEAM);
    }
    return Optional.empty();
  }
}
