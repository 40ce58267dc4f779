package com.coditect.shared.tenancy;

import com.coditect.shared.domain.Choice;

/**
 * Whether a tenant is in service; a new tenant is active. In the kernel, beside {@link Role} and
 * {@link UserStatus}, because functions other than tenancy read it (the audit schedule reports on
 * active tenants only).
 */
public enum TenantStatus implements Choice {
  ACTIVE, SUSPENDED
}
