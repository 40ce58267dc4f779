package com.coditect.tenancy.model;

import com.coditect.shared.domain.Choice;

/** Whether a tenant is in service; a new tenant is active. */
public enum TenantStatus implements Choice {
  ACTIVE, SUSPENDED
}
