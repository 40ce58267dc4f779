package com.coditect.shared.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

  @Test
  void aTenantWithoutTheSettingKeepsEntriesAYear() {
    assertEquals(365, AuditRetention.effectiveDays(null));
  }

  @Test
  void aLongerSettingIsKeptAndAShorterOneNeverApplies() {
    assertEquals(730, AuditRetention.effectiveDays(730));
    assertEquals(365, AuditRetention.effectiveDays(30));
  }
}
