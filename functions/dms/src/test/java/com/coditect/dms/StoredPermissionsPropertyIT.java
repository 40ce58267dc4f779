package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.domain.DocumentAccess;
import com.coditect.dms.domain.PermissionResolver.Subject;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.Role;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Property test through the stored shape: random folder trees with random grants to users and
 * teams, some expiring during the test and some revoked, made through the permission routes (so the
 * service's transactions and FolderTree's rewrite of each subtree), then access decided by
 * {@link DocumentAccess} from the stored items alone must equal a brute-force oracle over the raw
 * grants and the tree as generated. Seeded, so a failure names the seed that reproduces it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredPermissionsPropertyIT {

  private static final int ROUNDS = 3;
  private static final int FOLDERS = 9;
  private static final int DOCUMENTS = 6;
  private static final int GRANTS = 16;
  private static final PermissionLevel[] LEVELS = PermissionLevel.values();

  private DmsApi api;
  private PermissionFixtures seed;
  /** Over all rounds: checks answered by grants, checks answered "none", grants that had expired. */
  private int granted;
  private int denied;
  private int expired;

  @BeforeAll
  void start() {
    api = new DmsApi("permission-property");
    seed = new PermissionFixtures(api);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  /** A grant as made, for the oracle: on a document or a folder, to a user or a team. */
  private record RawGrant(String id, String documentId, String folderId, String userId, String teamId,
      PermissionLevel level, Instant expiresAt) {}

  @Test
  void storedAccessEqualsTheOracleOnRandomTrees() throws InterruptedException {
    for (long round = 0; round < ROUNDS; round++) {
      long seedValue = 0x5EED00L + round;
      checkRound(new Random(seedValue), seedValue);
    }
    // The trees must exercise what they are for: access from grants, none, and expired grants.
    assertTrue(granted >= 10 && denied >= 10 && expired >= 3, "granted " + granted + ", denied " + denied
        + ", expired " + expired);
  }

  private void checkRound(Random random, long seedValue) throws InterruptedException {
    SeededTenant tenant = api.env.seedTenant("P" + seedValue % 1000);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      users.add(api.env.seedUser(tenant.id(), "member"));
    }
    List<String> teams = List.of(seed.team(tenant.id()), seed.team(tenant.id()), seed.team(tenant.id()));
    Map<String, Set<String>> teamsOf = new HashMap<>();
    for (String user : users) {
      Set<String> mine = new HashSet<>();
      teams.forEach(team -> {
        if (random.nextInt(3) == 0) {
          mine.add(team);
        }
      });
      teamsOf.put(user, mine);
      seed.memberOf(tenant.id(), user, mine.toArray(String[]::new));
    }

    // A random tree: each folder under a random earlier one, or at the top.
    List<FolderItem> folders = new ArrayList<>();
    Map<String, String> parentOf = new HashMap<>();
    for (int i = 0; i < FOLDERS; i++) {
      FolderItem parent = folders.isEmpty() || random.nextInt(4) == 0 ? null : folders.get(random.nextInt(folders.size()));
      FolderItem folder = seed.folder(tenant.id(), parent, "f" + i + "-" + seedValue, tenant.ownerId());
      folders.add(folder);
      parentOf.put(folder.id(), parent == null ? null : parent.id());
    }
    List<DocumentItem> documents = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      FolderItem folder = random.nextInt(5) == 0 ? null : folders.get(random.nextInt(folders.size()));
      String owner = random.nextInt(3) == 0 ? users.get(random.nextInt(users.size())) : tenant.ownerId();
      documents.add(seed.document(tenant.id(), folder, owner));
    }

    List<RawGrant> live = new ArrayList<>();
    for (int i = 0; i < GRANTS; i++) {
      boolean onFolder = random.nextBoolean();
      String target = onFolder ? folders.get(random.nextInt(folders.size())).id()
          : documents.get(random.nextInt(documents.size())).id();
      boolean toTeam = random.nextInt(3) == 0;
      String principal = toTeam ? teams.get(random.nextInt(teams.size())) : users.get(random.nextInt(users.size()));
      PermissionLevel level = LEVELS[random.nextInt(LEVELS.length)];
      int expiry = random.nextInt(4);
      // Expiring: none, far ahead, or in a moment (passed when access is checked).
      Instant expiresAt = expiry == 0 ? Instant.now().plusMillis(1200) : expiry == 1 ? Instant.parse("2099-01-01T00:00:00Z")
          : null;
      String body = "{\"" + (toTeam ? "team_id" : "user_id") + "\":\"" + principal + "\",\"permission_level\":\""
          + level.apiName() + "\"" + (expiresAt == null ? "" : ",\"expires_at\":\"" + expiresAt + "\"") + "}";
      HandlerResponse made = api.call(HttpEvents.route(onFolder ? "POST /v1/folders/{folder_id}/permissions"
              : "POST /v1/documents/{document_id}/permissions")
          .pathParam(onFolder ? "folder_id" : "document_id", target).body(body).claims(tenant.owner()).build());
      if (made.status() == 409) {
        continue; // that principal already holds a grant on that target
      }
      made.assertStatus(201);
      live.add(new RawGrant(made.text("id"), onFolder ? null : target, onFolder ? target : null,
          toTeam ? null : principal, toTeam ? principal : null, level, expiresAt));
      if (!live.isEmpty() && random.nextInt(5) == 0) {
        RawGrant revoked = live.remove(random.nextInt(live.size()));
        api.call(HttpEvents.route("DELETE /v1/permissions/{permission_id}").pathParam("permission_id", revoked.id())
            .claims(tenant.owner()).build()).assertStatus(204);
      }
    }
    Thread.sleep(1300);
    Instant now = Instant.now();
    expired += (int) live.stream().filter(g -> g.expiresAt() != null && !g.expiresAt().isAfter(now)).count();

    for (DocumentItem document : documents) {
      DocumentItem stored = seed.storedDocument(tenant.id(), document.id());
      FolderItem folder = stored.folderId() == null ? null : seed.storedFolder(tenant.id(), stored.folderId());
      for (String user : users) {
        Subject subject = new Subject(user, Role.MEMBER, teamsOf.get(user));
        Optional<PermissionLevel> expected = user.equals(document.ownerId()) ? Optional.of(PermissionLevel.ADMIN)
            : oracle(live, document.id(), chain(parentOf, document.folderId()), user, teamsOf.get(user), now);
        assertEquals(expected, DocumentAccess.effective(subject, stored, folder, now).level(),
            "seed " + seedValue + ", document " + document.id() + ", user " + user);
        if (expected.isEmpty()) {
          denied++;
        } else if (!user.equals(document.ownerId())) {
          granted++;
        }
      }
    }
    for (FolderItem folder : folders) {
      FolderItem stored = seed.storedFolder(tenant.id(), folder.id());
      for (String user : users) {
        Subject subject = new Subject(user, Role.MEMBER, teamsOf.get(user));
        assertEquals(oracle(live, null, chain(parentOf, folder.id()), user, teamsOf.get(user), now),
            DocumentAccess.effectiveOnFolder(subject, stored, now).level(),
            "seed " + seedValue + ", folder " + folder.name().toLowerCase(Locale.ROOT) + ", user " + user);
      }
    }
  }

  /** The folder and every folder above it, from the tree as generated. */
  private static Set<String> chain(Map<String, String> parentOf, String folderId) {
    Set<String> chain = new HashSet<>();
    for (String at = folderId; at != null; at = parentOf.get(at)) {
      chain.add(at);
    }
    return chain;
  }

  /** The highest live grant on the document or a folder of its chain, to the user or one of their teams. */
  private static Optional<PermissionLevel> oracle(List<RawGrant> grants, String documentId, Set<String> folders,
      String user, Set<String> teams, Instant now) {
    PermissionLevel best = null;
    for (RawGrant grant : grants) {
      boolean reaches = (documentId != null && documentId.equals(grant.documentId()))
          || (grant.folderId() != null && folders.contains(grant.folderId()));
      boolean toThem = user.equals(grant.userId()) || (grant.teamId() != null && teams.contains(grant.teamId()));
      boolean live = grant.expiresAt() == null || grant.expiresAt().isAfter(now);
      if (reaches && toThem && live && (best == null || grant.level().compareTo(best) > 0)) {
        best = grant.level();
      }
    }
    return Optional.ofNullable(best);
  }
}
