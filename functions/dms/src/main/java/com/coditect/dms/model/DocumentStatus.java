package com.coditect.dms.model;

import com.coditect.shared.domain.Choice;

/**
 * A document's status (spec Domain 2.1). It moves draft → published → archived; {@code deleted}
 * is what a soft-deleted document shows until it is restored to the status it had.
 */
public enum DocumentStatus implements Choice {
  DRAFT,
  PUBLISHED,
  ARCHIVED,
  DELETED
}
