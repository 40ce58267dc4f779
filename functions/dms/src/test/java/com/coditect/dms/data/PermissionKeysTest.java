package com.coditect.dms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionKeysTest {

  private static final TenantId TENANT = new TenantId("01a23c95-0000-7000-8000-000000000001");

  @Test
  void aGrantIsListedUnderItsTargetAndItsPrincipal() {
    PermissionItem onDocument = PermissionRepository.indexed(TENANT, grant("d1", null, "u1", null));
    assertEquals("T#01a23c95-0000-7000-8000-000000000001#DOC#d1#PERMS", onDocument.meta().gsi1pk());
    assertEquals("T#01a23c95-0000-7000-8000-000000000001#USER#u1#PERMS", onDocument.meta().gsi2pk());
    assertEquals("p1", onDocument.meta().gsi1sk());
    PermissionItem onFolder = PermissionRepository.indexed(TENANT, grant(null, "f1", null, "x1"));
    assertEquals("T#01a23c95-0000-7000-8000-000000000001#FOLDER#f1#PERMS", onFolder.meta().gsi1pk());
    assertEquals("T#01a23c95-0000-7000-8000-000000000001#TEAM#x1#PERMS", onFolder.meta().gsi2pk());
  }

  @Test
  void theFourKindsOfPairNeverShareASentinel() {
    Set<String> values = Set.of(DmsKeys.grantValue("a", null, "b", null), DmsKeys.grantValue("a", null, null, "b"),
        DmsKeys.grantValue(null, "a", "b", null), DmsKeys.grantValue(null, "a", null, "b"));
    assertEquals(4, values.size());
    assertNotEquals(DmsKeys.grantValue("a", null, "b", null), DmsKeys.grantValue("a", null, "c", null));
  }

  @Test
  void theTargetsCopyCarriesEveryFieldThatDecides() {
    PermissionItem item = grant("d1", null, "u1", null).withExpiresAt("2027-01-01T00:00:00.000Z");
    assertEquals(new Grant("p1", PermissionLevel.EDIT, "d1", null, "u1", null, Instant.parse("2027-01-01T00:00:00Z")),
        item.toGrant());
    GrantsConverter converter = new GrantsConverter();
    assertEquals(List.of(item.toGrant()), converter.transformTo(converter.transformFrom(List.of(item.toGrant()))));
  }

  private static PermissionItem grant(String documentId, String folderId, String userId, String teamId) {
    return PermissionItem.builder().meta(PermissionRepository.newMeta(TENANT, "p1", "2026-12-01T00:00:00.000Z"))
        .id("p1").documentId(documentId).folderId(folderId).userId(userId).teamId(teamId)
        .permissionLevel(PermissionLevel.EDIT).grantedBy("u0").build();
  }
}
