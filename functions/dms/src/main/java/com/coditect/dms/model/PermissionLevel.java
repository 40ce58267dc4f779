package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/** What a grant allows on a document, weakest first: each level includes the ones before it. */
public enum PermissionLevel implements Choice {
  VIEW,
  EDIT,
  DELETE,
  ADMIN;

  /** True when this level allows what {@code needed} allows. */
  public boolean includes(PermissionLevel needed) {
    return compareTo(needed) >= 0;
  }
}
