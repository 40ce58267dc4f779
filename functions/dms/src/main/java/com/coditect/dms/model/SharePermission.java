package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/** What a share link lets its holder do (spec Domain 2.6): see the document's details, or also download it. */
public enum SharePermission implements Choice {
  VIEW,
  DOWNLOAD
}
