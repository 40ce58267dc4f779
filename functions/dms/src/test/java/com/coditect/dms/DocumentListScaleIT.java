package com.coditect.dms;

import static com.coditect.dms.DocumentRoutesIT.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.dms.data.DocumentRows;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A tenant with many documents across many folders, written as the routes write them: every page
 * of every list is one Query and one BatchGetItem whatever the tenant holds, and a member sees
 * exactly the documents of the folders granted to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentListScaleIT {

  private static final int FOLDERS = 50;
  private static final int DOCUMENTS = 1_000;

  private DmsApi api;
  private DmsDocuments docs;
  private SeededTenant acme;
  private final List<String> folders = new ArrayList<>();
  private final Set<String> visibleToMember = new HashSet<>();

  @BeforeAll
  void seed() {
    api = new DmsApi("document-list-scale");
    docs = new DmsDocuments(api);
    acme = api.env.seedTenant("ENG");
    TenantId tenant = new TenantId(acme.id());
    for (int f = 0; f < FOLDERS; f++) {
      folders.add(docs.seedFolder(acme, "folder-" + f,
          f % 2 == 0 ? Map.of(acme.memberId(), PermissionLevel.VIEW) : Map.of()));
    }
    List<WriteRequest> writes = new ArrayList<>();
    for (int d = 0; d < DOCUMENTS; d++) {
      String id = Ids.newId();
      int folder = d % FOLDERS;
      DocumentItem document = DocumentItem.builder()
          .meta(DocumentRepository.newMeta(tenant, id, "2026-01-01T00:00:00.000Z"))
          .id(id).folderId(folders.get(folder)).title("doc " + d).currentVersion(0L).status(DocumentStatus.DRAFT)
          .ownerId(acme.ownerId()).createdBy(acme.ownerId()).tags(List.of("t" + (d % 7))).metadata("{}").build();
      if (folder % 2 == 0) {
        visibleToMember.add(id);
      }
      writes.add(put(DocumentItem.SCHEMA.itemToMap(document, true)));
      DocumentRows.of(tenant, document).forEach(row -> writes.add(put(DocumentItem.SCHEMA.itemToMap(row, true))));
    }
    for (int i = 0; i < writes.size(); i += 25) {
      List<WriteRequest> batch = writes.subList(i, Math.min(writes.size(), i + 25));
      Map<String, List<WriteRequest>> pending = Map.of(api.env.tableName(), batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = api.env.dynamoDb().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void everyPageOfTheWholeListIsOneQueryAndOneBatchGetAndShowsOnlyWhatTheMemberMayView() {
    Set<String> seen = walk(acme.member(), "limit", "100");
    assertEquals(visibleToMember, seen);
  }

  @Test
  void aFolderAndATagListPageByPageForAnOwner() {
    assertEquals(DOCUMENTS / FOLDERS, walk(acme.owner(), "folder_id", folders.get(3), "limit", "7").size());
    assertEquals(DOCUMENTS / FOLDERS, walk(acme.member(), "folder_id", folders.get(4)).size());
    assertEquals(0, walk(acme.member(), "folder_id", folders.get(5)).size(), "no grant on this folder");
    int tagged = (DOCUMENTS + 6) / 7;
    assertEquals(tagged, walk(acme.owner(), "tag", "t0", "limit", "100").size());
  }

  /** Every page of one list; each must cost one Query and at most one BatchGetItem. */
  private Set<String> walk(Map<String, String> claims, String... query) {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String[] withCursor = cursor == null ? query : append(query, "cursor", cursor);
      HandlerResponse page = docs.list(claims, withCursor);
      page.assertStatus(200);
      assertEquals(1, page.calls("Query"), page.dynamoCalls().toString());
      assertTrue(page.calls("BatchGetItem") + page.calls("GetItem") <= 1, page.dynamoCalls().toString());
      assertTrue(page.dynamoCalls().size() <= 2, page.dynamoCalls().toString());
      List<String> ids = ids(page);
      ids.forEach(id -> assertTrue(seen.add(id), "listed twice: " + id));
      cursor = page.json().path("next_cursor").asText(null);
      pages++;
    } while (cursor != null && pages < 500);
    return seen;
  }

  private static String[] append(String[] query, String name, String value) {
    String[] all = java.util.Arrays.copyOf(query, query.length + 2);
    all[query.length] = name;
    all[query.length + 1] = value;
    return all;
  }
}
