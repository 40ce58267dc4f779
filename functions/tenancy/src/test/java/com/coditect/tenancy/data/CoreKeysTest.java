package com.coditect.tenancy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.tenancy.TenantId;
import org.junit.jupiter.api.Test;

/**
 * The keys other functions use to check or read tenancy's items (CoreKeys) are the keys tenancy
 * writes them under: a drift would make every such check fail as "not found".
 */
class CoreKeysTest {

  private static final TenantId TENANT = new TenantId("01a23c95-0000-7000-8000-000000000001");
  private static final String ID = "01a23c95-0000-7000-8000-000000000002";

  @Test
  void coreKeysAreTenancysOwn() {
    assertEquals(TenancyKeys.user(TENANT, ID), CoreKeys.user(TENANT, ID));
    assertEquals(TenancyKeys.team(TENANT, ID), CoreKeys.team(TENANT, ID));
    assertEquals(TenancyKeys.project(TENANT, ID), CoreKeys.project(TENANT, ID));
  }
}
