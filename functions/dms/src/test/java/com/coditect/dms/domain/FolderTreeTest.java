package com.coditect.dms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.data.Grant;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a folder derives from its parent: path, ancestors and inherited grants, nothing else. */
class FolderTreeTest {

  private static final TenantId TENANT = new TenantId("01a23c95-0000-7000-8000-000000000001");
  private static final String NOW = "2026-12-03T10:00:00.000Z";

  @Test
  void deriveTakesPathAncestorsAndGrantsFromTheParentAndKeepsItsOwnGrants() {
    Grant onTop = grant("g1", "top");
    Grant onParent = grant("g2", "parent");
    Grant onChild = grant("g3", "child");
    Grant staleInherited = grant("g4", "old-parent");
    FolderItem parent = folder("parent", "top", "Parent", "/Top/Parent", List.of("top"), List.of(onTop, onParent));
    FolderItem child = folder("child", "parent", "Child", "/Elsewhere/Child", List.of("x", "y"),
        List.of(staleInherited, onChild));

    FolderItem derived = FolderTree.derive(parent, child);

    assertEquals("/Top/Parent/Child", derived.path());
    assertEquals(List.of("top", "parent"), derived.ancestorIds());
    assertEquals(List.of(onTop, onParent, onChild), derived.grants(), "inherited first, the stale one gone");
    assertEquals(child.name(), derived.name());
    assertEquals(child.version(), derived.version(), "deriving is not writing");
    assertEquals(derived, FolderTree.derive(parent, derived), "idempotent");
  }

  @Test
  void placeAtTheTopKeepsOnlyTheFoldersOwnGrants() {
    Grant own = grant("g1", "moved");
    FolderItem moved = folder("moved", null, "Moved", "/Old/Moved", List.of("old"), List.of(grant("g0", "old"), own));
    FolderItem top = FolderTree.place(null, moved);
    assertEquals("/Moved", top.path());
    assertEquals(List.of(), top.ancestorIds());
    assertEquals(List.of(own), top.grants());

    FolderItem parent = folder("p", null, "P", "/P", List.of(), List.of());
    assertEquals(FolderTree.derive(parent, moved), FolderTree.place(parent, moved));
  }

  @Test
  void indexKeysKeepParentsBeforeChildrenAndFitDynamoDbsSortKeyLimit() {
    String longName = "\u5951".repeat(255); // 765 bytes in UTF-8
    FolderItem deep = folder("deep", "p", longName, "/" + longName + "/" + longName, List.of("p"), List.of());
    FolderItem indexed = FolderRepository.indexed(TENANT, deep);
    assertEquals(true, indexed.meta().gsi2sk().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024);
    assertEquals(true, indexed.meta().gsi1sk().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024);
    assertEquals(true, indexed.meta().gsi2sk().endsWith("#0001"));

    FolderItem parent = FolderRepository.indexed(TENANT, folder("a", null, "a", "/a", List.of(), List.of()));
    FolderItem child = FolderRepository.indexed(TENANT, folder("b", "a", "!", "/a/!", List.of("a"), List.of()));
    assertEquals(true, parent.meta().gsi2sk().compareTo(child.meta().gsi2sk()) < 0, "'#' sorts before '/'");
  }

  private static Grant grant(String id, String folderId) {
    return new Grant(id, PermissionLevel.EDIT, null, folderId, "user-" + id, null, null);
  }

  private static FolderItem folder(String id, String parentId, String name, String path, List<String> ancestors,
      List<Grant> grants) {
    return FolderItem.builder()
        .meta(FolderRepository.newMeta(TENANT, id, NOW))
        .id(id)
        .parentId(parentId)
        .name(name)
        .path(path)
        .ancestorIds(ancestors)
        .grants(grants)
        .build();
  }
}
