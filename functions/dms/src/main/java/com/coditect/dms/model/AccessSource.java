package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/**
 * Where a user's access to a document comes from, as effective-permission explains it: their
 * tenant role (owner or admin), owning the document, or a grant made on the document, inherited
 * from a folder, or made to one of their teams.
 */
public enum AccessSource implements Choice {
  ROLE,
  OWNER,
  DOCUMENT,
  FOLDER,
  TEAM
}
