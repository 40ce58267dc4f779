package com.coditect.dms;

import static com.coditect.dms.DocumentRoutesIT.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The spec's SET_NULL: when a project is deleted, or a folder deleted for good, its documents keep
 * living without it. (The consumer that calls these on tenancy's project.deleted is wired with
 * the DMS events function.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentFollowUpsIT {

  private DmsApi api;
  private DmsDocuments docs;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("document-follow-ups");
    docs = new DmsDocuments(api);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aDeletedProjectLeavesItsDocumentsWithoutAProject() throws Exception {
    String otherProject = api.env.seedProject(acme, "OPS");
    List<String> ofProject = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ofProject.add(docs.create(acme.member(), DmsDocuments.createBody("p" + i, "p.txt",
          ("project doc " + i + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
          Map.of("project_id", acme.projectId()))).text("id"));
    }
    String kept = docs.create(acme.member(), DmsDocuments.createBody("other", "o.txt",
        ("other " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), Map.of("project_id", otherProject)))
        .text("id");

    int changed = api.component.documentFollowUps().projectDeleted(new TenantId(acme.id()), acme.projectId());

    assertEquals(60, changed);
    assertEquals(List.of(), ids(docs.list(acme.owner(), "project_id", acme.projectId())));
    HandlerResponse one = docs.get(acme.owner(), ofProject.get(0));
    assertTrue(one.json().path("project_id").isNull(), one.raw());
    assertEquals(List.of(kept), ids(docs.list(acme.owner(), "project_id", otherProject)));
    assertEquals(1, docs.events("document.updated", ofProject.get(59)).size());
    assertEquals(0, api.component.documentFollowUps().projectDeleted(new TenantId(acme.id()), acme.projectId()),
        "idempotent: a second delivery changes nothing");
  }

  @Test
  void aFolderDeletedForGoodMovesItsDocumentsToTheTop() throws Exception {
    String folder = docs.seedFolder(acme, "Purged", Map.of(acme.memberId(), PermissionLevel.EDIT));
    String id = docs.create(acme.member(), DmsDocuments.createBody("in folder", "f.txt",
        ("folder doc " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), Map.of("folder_id", folder)))
        .text("id");
    assertEquals(1, api.component.documentFollowUps().folderPurged(new TenantId(acme.id()), folder));
    assertTrue(docs.get(acme.owner(), id).json().path("folder_id").isNull());
    assertTrue(ids(docs.list(acme.owner(), "folder_id", "root")).contains(id));
  }
}
