package com.coditect.dms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocumentStorageTest {

  @Test
  void partsAreEightMibUntilTenThousandWouldNotHoldTheFile() {
    long mib = 1024 * 1024;
    assertEquals(8 * mib, DocumentStorage.partSize(101 * mib));
    assertEquals(13, DocumentStorage.partCount(101 * mib));
    long huge = 200_000 * mib;
    assertEquals(10_000, DocumentStorage.partCount(huge));
    assertEquals(true, DocumentStorage.partSize(huge) >= 5 * mib);
  }

  @Test
  void stagingAndContentKeysHoldNoName() {
    var tenant = new com.coditect.shared.tenancy.TenantId("01a23c95-a7a4-7642-9df0-0102b57c936f");
    assertEquals("tenants/01a23c95-a7a4-7642-9df0-0102b57c936f/dms/staging/u1", DmsKeys.stagingObject(tenant, "u1"));
    assertEquals("tenants/01a23c95-a7a4-7642-9df0-0102b57c936f/dms/content/ab", DmsKeys.contentObject(tenant, "ab"));
  }
}
