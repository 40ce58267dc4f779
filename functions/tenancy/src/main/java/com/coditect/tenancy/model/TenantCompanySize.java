package com.coditect.tenancy.model;

import com.coditect.shared.domain.Choice;

/** A tenant's company size, as its settings state it (optional). */
public enum TenantCompanySize implements Choice {
  SMALL, MEDIUM, LARGE, ENTERPRISE
}
