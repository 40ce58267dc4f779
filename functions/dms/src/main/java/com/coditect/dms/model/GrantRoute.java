package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/** How a grant reaches a document for a user: made on it or inherited from a folder, to them or to one of their teams. */
public enum GrantRoute implements Choice {
  DIRECT,
  INHERITED,
  DIRECT_VIA_TEAM,
  INHERITED_VIA_TEAM
}
