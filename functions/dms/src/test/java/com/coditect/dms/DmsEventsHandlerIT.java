package com.coditect.dms;

import static com.coditect.testing.ListAsserts.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.SeededTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DMS's reactions to events, called as a rule delivers them (the template's rules themselves are
 * exercised end to end in the local module). A folder's change and its subtree's are two steps;
 * each test writes the first as the request would and then stops, as a function that died in
 * between, and the event finishes the second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsEventsHandlerIT {

  private static final String LATER = "2026-12-03T12:00:00.000Z";

  private DmsApi api;
  private FolderCalls folders;
  private DmsEventsHandler events;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("dms-events");
    folders = new FolderCalls(api);
    events = new DmsEventsHandler(api.component);
    acme = api.env.seedTenant("EVT");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aRenameWhoseSubtreeWasNotWrittenIsFinishedByItsEvent() {
    String a = folders.folder(acme.member(), null, "Crash " + UUID.randomUUID());
    String b = folders.folder(acme.member(), a, "b");
    String c = folders.folder(acme.member(), b, "c");
    String oldPath = folders.path(acme.owner(), a);

    // The rename's own transaction only: the folder has its new name and path, the subtree not yet.
    FolderItem renamed = rewrite(a, f -> f.withName("Renamed " + f.id()).withPath("/Renamed " + f.id()));
    assertEquals(oldPath + "/b/c", folders.path(acme.owner(), c));

    deliver("coditect.dms", "folder.updated", a, Map.of("path", change(oldPath, renamed.path())));
    assertEquals(renamed.path() + "/b", folders.path(acme.owner(), b));
    assertEquals(renamed.path() + "/b/c", folders.path(acme.owner(), c));

    String version = folders.get(acme.owner(), c).header("ETag");
    deliver("coditect.dms", "folder.updated", a, Map.of("path", change(oldPath, renamed.path())));
    assertEquals(version, folders.get(acme.owner(), c).header("ETag"), "a repeated event changes nothing");
  }

  @Test
  void aDeleteAndARestoreWhoseSubtreeWasNotWrittenAreFinishedByTheirEvents() {
    String a = folders.folder(acme.member(), null, "Half deleted " + UUID.randomUUID());
    String b = folders.folder(acme.member(), a, "b");
    String c = folders.folder(acme.member(), b, "c");

    rewrite(a, f -> f.softDeleted(LATER));
    folders.get(acme.viewer(), b).assertStatus(200);
    deliver("coditect.dms", "folder.deleted", a, Map.of("deleted_at", change(null, LATER)));
    folders.get(acme.viewer(), b).assertStatus(404);
    folders.get(acme.viewer(), c).assertStatus(404);

    rewrite(a, f -> f.restored(LATER));
    deliver("coditect.dms", "folder.restored", a, Map.of("deleted_at", change(LATER, null)));
    folders.get(acme.viewer(), b).assertStatus(200);
    folders.get(acme.viewer(), c).assertStatus(200);
    assertEquals(List.of(b), ids(folders.list(acme.viewer(), "parent_id", a)));

    // A late delete event for a folder restored since hides nothing.
    deliver("coditect.dms", "folder.deleted", a, Map.of("deleted_at", change(null, LATER)));
    folders.get(acme.viewer(), b).assertStatus(200);
  }

  @Test
  void aDeletedProjectLeavesItsFoldersWithoutAProject() {
    String project = api.env.seedProject(acme, "GONE" + UUID.randomUUID().toString().substring(0, 4));
    String linked = create("{\"name\":\"Linked " + UUID.randomUUID() + "\",\"project_id\":\"" + project + "\"}");
    String inside = create("{\"name\":\"Inside\",\"parent_id\":\"" + linked + "\",\"project_id\":\"" + project + "\"}");
    String other = create("{\"name\":\"Other " + UUID.randomUUID() + "\",\"project_id\":\"" + acme.projectId() + "\"}");

    deliver("coditect.tenancy", "project.deleted", project, Map.of("deleted_at", change(null, LATER)));

    for (String folder : List.of(linked, inside)) {
      var read = folders.get(acme.viewer(), folder);
      assertTrue(read.json().path("project_id").isNull(), read.raw());
      assertEquals("\"2\"", read.header("ETag"));
      assertEquals("system:dms", folders.onlyEvent(folder, "folder.updated").path("actor").path("user_id").asText());
    }
    assertEquals(acme.projectId(), folders.get(acme.viewer(), other).text("project_id"));
    deliver("coditect.tenancy", "project.deleted", project, Map.of("deleted_at", change(null, LATER)));
    assertEquals("\"2\"", folders.get(acme.viewer(), linked).header("ETag"), "a repeated event changes nothing");
  }

  @Test
  void otherEventsAreIgnored() {
    String a = folders.folder(acme.member(), null, "Ignored " + UUID.randomUUID());
    deliver("coditect.dms", "folder.created", a, Map.of());
    deliver("coditect.dms", "folder.updated", a, Map.of("description", change(null, "x")));
    assertEquals("\"1\"", folders.get(acme.owner(), a).header("ETag"));
    assertFalse(folders.get(acme.owner(), a).json().path("path").asText().isEmpty());
  }

  /** Writes the folder as {@code change} makes it (the next version, re-indexed), as a request's own transaction would. */
  private FolderItem rewrite(String folderId, UnaryOperator<FolderItem> change) {
    TenantId tenant = new TenantId(acme.id());
    FolderItem read = FolderItem.SCHEMA.mapToItem(folders.stored(acme.id(), folderId));
    FolderItem changed = change.apply(read);
    FolderItem written = FolderRepository.indexed(tenant,
        changed.version() == read.version() ? changed.nextVersion(LATER) : changed);
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(FolderItem.SCHEMA.itemToMap(written, true)));
    return written;
  }

  private String create(String body) {
    var created = folders.create(acme.member(), body);
    created.assertStatus(201);
    return created.text("id");
  }

  private void deliver(String source, String detailType, String resourceId, Map<String, Object> changes) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", UUID.randomUUID().toString());
    detail.put("tenant_id", acme.id());
    detail.put("action", detailType);
    detail.put("resource_id", resourceId);
    detail.put("changes", changes);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("detail", detail);
    events.handleRequest(envelope, null);
  }

  private static Map<String, Object> change(Object oldValue, Object newValue) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("old", oldValue);
    change.put("new", newValue);
    return change;
  }
}
