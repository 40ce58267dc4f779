package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/** What a document activity row records (spec Domain 2.5). */
public enum DocumentActivityAction implements Choice {
  VIEWED,
  DOWNLOADED,
  UPLOADED,
  EDITED,
  DELETED,
  RESTORED,
  SHARED
}
