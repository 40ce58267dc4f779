package com.coditect.dms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.Grant;
import com.coditect.dms.domain.PermissionResolver.Effective;
import com.coditect.dms.domain.PermissionResolver.Place;
import com.coditect.dms.domain.PermissionResolver.Route;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.Role;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionResolverTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final Place DOC = new Place("d1", "owner-user", List.of("f-child", "f-root"));
  private static final Subject ALICE = new Subject("alice", Role.MEMBER, Set.of("team-a"));

  private static Grant onFolder(String id, PermissionLevel level, String folder, String user, String team, Instant until) {
    return new Grant(id, level, null, folder, user, team, until);
  }

  private static Grant onDocument(String id, PermissionLevel level, String user, String team, Instant until) {
    return new Grant(id, level, "d1", null, user, team, until);
  }

  @Test
  void aGrantLowerDownRaisesButNeverLowersWhatIsInherited() {
    List<Grant> grants = List.of(
        onFolder("g1", PermissionLevel.EDIT, "f-root", "alice", null, null),
        onDocument("g2", PermissionLevel.VIEW, "alice", null, null));
    Effective effective = PermissionResolver.resolve(DOC, ALICE, grants, NOW);
    assertEquals(Optional.of(PermissionLevel.EDIT), effective.level());
    assertEquals(List.of(Route.INHERITED, Route.DIRECT), effective.grants().stream().map(r -> r.route()).toList());
  }

  @Test
  void expiredGrantsAreShownButNotCounted() {
    List<Grant> grants = List.of(
        onDocument("g1", PermissionLevel.ADMIN, "alice", null, NOW),
        onFolder("g2", PermissionLevel.VIEW, "f-child", null, "team-a", NOW.plusSeconds(1)));
    Effective effective = PermissionResolver.resolve(DOC, ALICE, grants, NOW);
    assertEquals(Optional.of(PermissionLevel.VIEW), effective.level());
    assertFalse(effective.grants().get(0).counted(), "a grant expiring now no longer counts");
    assertTrue(effective.grants().get(1).counted());
    assertEquals(Route.INHERITED_VIA_TEAM, effective.grants().get(1).route());
  }

  @Test
  void grantsToOthersOrOtherPlacesDoNotReach() {
    List<Grant> grants = List.of(
        onDocument("g1", PermissionLevel.ADMIN, "bob", null, null),
        onFolder("g2", PermissionLevel.ADMIN, "f-elsewhere", "alice", null, null),
        onDocument("g3", PermissionLevel.ADMIN, null, "team-b", null));
    Effective effective = PermissionResolver.resolve(DOC, ALICE, grants, NOW);
    assertEquals(Optional.empty(), effective.level());
    assertEquals(List.of(), effective.grants());
  }

  @Test
  void tenantAdminsAndTheDocumentsOwnerHaveAdmin() {
    assertEquals("tenant_admin", PermissionResolver.resolve(DOC, new Subject("x", Role.ADMIN, Set.of()), List.of(), NOW).because());
    assertEquals("tenant_admin", PermissionResolver.resolve(DOC, new Subject("x", Role.OWNER, Set.of()), List.of(), NOW).because());
    Effective owner = PermissionResolver.resolve(DOC, new Subject("owner-user", Role.VIEWER, Set.of()), List.of(), NOW);
    assertEquals(Optional.of(PermissionLevel.ADMIN), owner.level());
    assertEquals("owner", owner.because());
  }

  /**
   * Random folder trees with random grants and expiries, against an oracle that finds a folder
   * grant's reach by walking down the tree from the granted folder, not up from the document.
   */
  @Test
  void agreesWithABruteForceOracleOnRandomTrees() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      int folderCount = 1 + random.nextInt(30);
      Map<String, String> parent = new HashMap<>();
      for (int i = 0; i < folderCount; i++) {
        parent.put("f" + i, i == 0 || random.nextInt(5) == 0 ? null : "f" + random.nextInt(i));
      }
      String home = "f" + random.nextInt(folderCount);
      List<String> chain = new ArrayList<>();
      for (String f = home; f != null; f = parent.get(f)) {
        chain.add(f);
      }
      Place place = new Place("doc", "owner", chain);
      Subject subject = new Subject("u" + random.nextInt(3), Role.MEMBER,
          random.nextBoolean() ? Set.of("t0") : Set.of("t1", "t2"));
      List<Grant> grants = new ArrayList<>();
      for (int g = random.nextInt(12); g > 0; g--) {
        PermissionLevel level = PermissionLevel.values()[random.nextInt(4)];
        boolean toUser = random.nextBoolean();
        String user = toUser ? "u" + random.nextInt(3) : null;
        String team = toUser ? null : "t" + random.nextInt(3);
        Instant until = random.nextInt(3) == 0 ? NOW.plusSeconds(random.nextInt(7) - 3) : null;
        grants.add(random.nextInt(4) == 0
            ? new Grant("g" + g, level, random.nextBoolean() ? "doc" : "other", null, user, team, until)
            : new Grant("g" + g, level, null, "f" + random.nextInt(folderCount), user, team, until));
      }
      assertEquals(oracle(parent, home, subject, grants), PermissionResolver.resolve(place, subject, grants, NOW).level(),
          "seed " + seed + " round " + round + ": " + grants);
    }
  }

  private static Optional<PermissionLevel> oracle(Map<String, String> parent, String home, Subject subject,
      List<Grant> grants) {
    PermissionLevel best = null;
    for (Grant grant : grants) {
      boolean forSubject = subject.userId().equals(grant.userId())
          || (grant.teamId() != null && subject.teamIds().contains(grant.teamId()));
      boolean live = grant.expiresAt() == null || grant.expiresAt().isAfter(NOW);
      boolean reaches = "doc".equals(grant.documentId())
          || (grant.folderId() != null && below(parent, grant.folderId()).contains(home));
      if (forSubject && live && reaches && (best == null || grant.level().ordinal() > best.ordinal())) {
        best = grant.level();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The folder and everything below it, found from the top down. */
  private static Set<String> below(Map<String, String> parent, String top) {
    Set<String> found = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(top));
    while (!queue.isEmpty()) {
      String folder = queue.poll();
      found.add(folder);
      parent.forEach((child, itsParent) -> {
        if (folder.equals(itsParent)) {
          queue.add(child);
        }
      });
    }
    return found;
  }
}
