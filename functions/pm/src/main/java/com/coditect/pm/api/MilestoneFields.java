package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;

/** The spec's limits for milestones (Domain 1.3). */
public final class MilestoneFields {

  public static final int TITLE_MAX = 255;
  public static final int DESCRIPTION_MAX = 10_000;

  private MilestoneFields() {}

  /** progress_percent is derived from the milestone's tasks; a client never sets it. */
  static void rejectProgress(JsonFields fields) {
    fields.reject("progress_percent", "is computed from the milestone's tasks and cannot be set");
  }
}
