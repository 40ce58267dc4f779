package com.coditect.pm.model;

import com.coditect.shared.domain.Choice;

/** Pending from the upload URL until the object is confirmed in S3, then available. */
public enum AttachmentStatus implements Choice {
  PENDING,
  AVAILABLE
}
