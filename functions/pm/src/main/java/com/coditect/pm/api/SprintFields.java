package com.coditect.pm.api;

import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.domain.Choice;
import java.util.List;

/** The spec's limits and choices for sprints (Domain 1.2). */
public final class SprintFields {

  public static final int NAME_MAX = 255;
  public static final int GOAL_MAX = 10_000;
  public static final List<String> STATUSES = Choice.apiNames(SprintStatus.class);

  private SprintFields() {}
}
