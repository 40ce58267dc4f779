package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.tenancy.TenantId;
import org.junit.jupiter.api.Test;

class KeysTest {

  private static final TenantId TENANT = new TenantId("0191d3f2-7a00-7000-8000-000000000001");

  @Test
  void tenantKeysStartWithTheTenant() {
    assertEquals("T#0191d3f2-7a00-7000-8000-000000000001#PROJECT#p1",
        Keys.tenant(TENANT).with("PROJECT", "p1").build());
  }

  @Test
  void aSegmentCannotSmuggleASeparator() {
    assertThrows(IllegalArgumentException.class, () -> Keys.tenant(TENANT).with("USER", "a#T#other"));
    assertThrows(IllegalArgumentException.class, () -> Keys.of("USER", ""));
  }

  @Test
  void uniqueSentinelsAreCaseInsensitiveAndEscaped() {
    assertEquals(UniqueItem.key(TENANT, "EMAIL", "Ann@Example.com"), UniqueItem.key(TENANT, "EMAIL", "ann@example.com"));
    assertTrue(UniqueItem.key(TENANT, "TEAM", "a#b").partitionKeyValue().s().endsWith("a%23b"));
  }

  @Test
  void idsAreTimeOrderedUuidV7() {
    String first = Ids.newId();
    String second = Ids.newId();
    assertEquals('7', first.charAt(14));
    assertTrue(first.compareTo(second) < 0 || first.substring(0, 13).equals(second.substring(0, 13)));
  }

  @Test
  void tenantIdsMustBeUuids() {
    assertThrows(IllegalArgumentException.class, () -> new TenantId("acme"));
  }
}
