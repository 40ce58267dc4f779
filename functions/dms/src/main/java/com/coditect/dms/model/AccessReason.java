package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/** Why a user's level on a document is what it is: their tenant role, owning it, or the grants that reach it. */
public enum AccessReason implements Choice {
  TENANT_ADMIN,
  OWNER,
  GRANTS
}
