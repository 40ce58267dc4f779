package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A folder with 1,000 descendants (10 children, 90 grandchildren, 900 great-grandchildren), seeded
 * as the folder routes store them, moved and renamed through the API: every path, ancestor list and
 * index key below it follows, and the calls grow with the subtree only by its pages and batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderTreeScaleIT {

  private static final String NOW = "2026-12-03T10:00:00.000Z";

  private DmsApi api;
  private FolderCalls folders;
  private SeededTenant acme;
  private String root;
  private final List<String> descendants = new ArrayList<>();

  @BeforeAll
  void seed() {
    api = new DmsApi("folder-scale");
    folders = new FolderCalls(api);
    acme = api.env.seedTenant("SCALE");
    root = folders.folder(acme.member(), null, "Archive");
    TenantId tenant = new TenantId(acme.id());
    Map<String, Map<String, AttributeValue>> rootItem = Map.of(root, folders.stored(acme.id(), root));
    List<FolderItem> level = List.of(FolderItem.SCHEMA.mapToItem(rootItem.get(root)));
    List<FolderItem> all = new ArrayList<>();
    for (int fanOut : new int[] {10, 9, 10}) {
      List<FolderItem> next = new ArrayList<>();
      for (FolderItem parent : level) {
        for (int i = 0; i < fanOut; i++) {
          next.add(child(tenant, parent, "f" + i));
        }
      }
      all.addAll(next);
      level = next;
    }
    assertEquals(1000, all.size());
    all.forEach(folder -> descendants.add(folder.id()));
    for (int from = 0; from < all.size(); from += 25) {
      List<WriteRequest> puts = all.subList(from, Math.min(from + 25, all.size())).stream()
          .map(folder -> WriteRequest.builder().putRequest(PutRequest.builder()
              .item(FolderItem.SCHEMA.itemToMap(folder, true)).build()).build()).toList();
      api.env.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(api.env.tableName(), puts)));
    }
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void movingAFolderWith1000DescendantsLeavesEveryPathRight() {
    String shelf = folders.folder(acme.member(), null, "Shelf with a longer name");
    HandlerResponse moved = folders.patch(acme.member(), root, "\"1\"", "{\"parent_id\":\"" + shelf + "\"}");
    moved.assertStatus(200);
    assertEquals("/Shelf with a longer name/Archive", moved.text("path"));
    assertEquals(1 + 40, moved.calls("TransactWriteItems"), "the folder, then 1,000 descendants 25 a batch");
    assertTrue(moved.calls("Query") <= 2 * 5, "two walks of at most five pages: " + moved.dynamoCalls());
    assertSubtree("/Shelf with a longer name/Archive", List.of(shelf, root));
    assertEquals(List.of(), subtree("/Archive"), "nothing is left under the old path");
  }

  /** Every descendant, read consistently, sits exactly under its parent, and the index keys agree. */
  private void assertSubtree(String rootPath, List<String> rootAncestry) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    for (Map<String, AttributeValue> item : subtree(rootPath)) {
      items.put(item.get("id").s(), item);
    }
    assertEquals(descendants.size(), items.size(), "every descendant is under the new path");
    items.put(root, folders.stored(acme.id(), root));
    assertEquals(rootPath, items.get(root).get("path").s());
    for (String id : descendants) {
      Map<String, AttributeValue> folder = items.get(id);
      Map<String, AttributeValue> parent = items.get(folder.get("parent_id").s());
      assertEquals(parent.get("path").s() + "/" + folder.get("name").s(), folder.get("path").s(), id);
      List<String> ancestors = folder.get("ancestor_ids").l().stream().map(AttributeValue::s).toList();
      List<String> expected = new ArrayList<>(parent.get("ancestor_ids").l().stream().map(AttributeValue::s).toList());
      expected.add(parent.get("id").s());
      assertEquals(expected, ancestors, id);
      assertEquals(rootAncestry, ancestors.subList(ancestors.indexOf(root) - rootAncestry.size() + 1,
          ancestors.indexOf(root) + 1));
      assertTrue(folder.get("GSI2SK").s().startsWith(folder.get("path").s() + "#"), id);
    }
  }

  /** The folders below {@code path}, as the path index has them (a few Query pages, not 1,000 reads). */
  private List<Map<String, AttributeValue>> subtree(String path) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    api.env.dynamoDb().queryPaginator(q -> q.tableName(api.env.tableName()).indexName("GSI2")
        .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + acme.id() + "#FOLDERS"),
            ":prefix", AttributeValue.fromS(path + "/")))).items().forEach(found::add);
    return found;
  }

  private static FolderItem child(TenantId tenant, FolderItem parent, String name) {
    String id = Ids.newId();
    List<String> ancestors = new ArrayList<>(parent.ancestorIds());
    ancestors.add(parent.id());
    return FolderRepository.indexed(tenant, FolderItem.builder()
        .meta(FolderRepository.newMeta(tenant, id, NOW))
        .id(id)
        .parentId(parent.id())
        .name(name)
        .path(parent.path() + "/" + name)
        .ancestorIds(ancestors)
        .createdBy(parent.createdBy())
        .grants(parent.grants())
        .build());
  }
}
