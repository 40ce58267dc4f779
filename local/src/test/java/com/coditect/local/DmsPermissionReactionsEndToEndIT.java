package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DMS's reactions, end to end through the gateway and the template's rules: team membership made
 * in tenancy reaches DMS's grants to teams, and a folder's grant or revoke is re-derived below the
 * folder by its event. Documents and folders are written as their routes store them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsPermissionReactionsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);
  private static final String NOW = "2026-12-01T10:00:00.000Z";

  private LocalApiHarness harness;
  private Tenant acme;
  private String owner;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Documents");
    owner = acme.ownerToken();
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("DmsEventsFunctionTeamMembership")
  void aTeamsGrantFollowsItsMembersAndItsDeletion() {
    User member = harness.addUser(acme, "member");
    String team = harness.create("/v1/teams", owner, "{\"name\":\"Reviewers\"}");
    DocumentItem document = document();
    harness.post("/v1/documents/" + document.id() + "/permissions", owner,
        "{\"team_id\":\"" + team + "\",\"permission_level\":\"edit\"}").expect(201);
    String effective = "/v1/documents/" + document.id() + "/effective-permission";
    harness.get(effective, member.token()).expect(404);

    harness.request("PUT", "/v1/teams/" + team + "/members/" + member.id()).token(owner).send().expect(200);
    LocalApiHarness.eventually("the new team member may edit the document", EVENTUALLY,
        () -> harness.get(effective, member.token()).status() == 200);
    assertEquals("edit", harness.get(effective, member.token()).json().path("level").asText());

    harness.delete("/v1/teams/" + team, owner).expect(204);
    LocalApiHarness.eventually("the deleted team's grant no longer reaches its member", EVENTUALLY,
        () -> harness.get(effective, member.token()).status() == 404);
  }

  @Test
  @ExercisesRules({"DmsEventsFunctionFolderGrantMade", "DmsEventsFunctionFolderGrantRevoked"})
  void aFolderGrantAndItsRevocationReachTheWholeSubtree() {
    User member = harness.addUser(acme, "member");
    FolderItem top = folder(null, "Contracts");
    FolderItem child = folder(top, "2026");
    FolderItem grandchild = folder(child, "Q4");
    String id = harness.create("/v1/folders/" + top.id() + "/permissions", owner,
        "{\"user_id\":\"" + member.id() + "\",\"permission_level\":\"view\"}");
    LocalApiHarness.eventually("the grant's event was delivered", EVENTUALLY,
        () -> harness.deliveries("DmsEventsFunctionFolderGrantMade") > 0);
    for (FolderItem folder : List.of(child, grandchild)) {
      assertEquals(List.of(id), grantIds(folder.id()), folder.name());
    }

    harness.delete("/v1/permissions/" + id, owner).expect(204);
    LocalApiHarness.eventually("the revocation's event was delivered", EVENTUALLY,
        () -> harness.deliveries("DmsEventsFunctionFolderGrantRevoked") > 0);
    for (FolderItem folder : List.of(top, child, grandchild)) {
      assertEquals(List.of(), grantIds(folder.id()), folder.name());
    }
  }

  private DocumentItem document() {
    TenantId tenant = new TenantId(acme.id());
    String id = Ids.newId();
    DocumentItem document = DocumentItem.builder()
        .meta(ItemMeta.created(DmsKeys.document(tenant, id), DocumentItem.ENTITY, NOW))
        .id(id).title("Master services agreement").currentVersion(1L).status(DocumentStatus.PUBLISHED)
        .ownerId(acme.ownerId()).createdBy(acme.ownerId()).tags(List.of()).metadata("{}").grants(List.of()).build();
    put(DocumentItem.SCHEMA, document);
    return document;
  }

  private FolderItem folder(FolderItem parent, String name) {
    TenantId tenant = new TenantId(acme.id());
    String id = Ids.newId();
    List<String> ancestors = new ArrayList<>();
    if (parent != null) {
      ancestors.addAll(parent.ancestorIds());
      ancestors.add(parent.id());
    }
    String path = (parent == null ? "" : parent.path()) + "/" + name + (parent == null ? "-" + id : "");
    FolderItem folder = FolderRepository.indexed(tenant, FolderItem.builder()
        .meta(FolderRepository.newMeta(tenant, id, NOW)).id(id).parentId(parent == null ? null : parent.id())
        .name(name).path(path).ancestorIds(ancestors).createdBy(acme.ownerId()).grants(List.of()).build());
    put(FolderItem.SCHEMA, folder);
    return folder;
  }

  private List<String> grantIds(String folderId) {
    Map<String, AttributeValue> item = harness.dynamoDb().getItem(g -> g.tableName(harness.settings().tableName())
        .key(DmsKeys.folder(new TenantId(acme.id()), folderId).primaryKeyMap(FolderItem.SCHEMA))
        .consistentRead(true)).item();
    return FolderItem.SCHEMA.mapToItem(item).grants().stream().map(grant -> grant.id()).toList();
  }

  private <T> void put(TableSchema<T> schema, T item) {
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(schema.itemToMap(item, true)));
  }
}
