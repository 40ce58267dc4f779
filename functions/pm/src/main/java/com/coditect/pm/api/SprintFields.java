package com.coditect.pm.api;

import java.util.List;

/** The spec's limits and choices for sprints (Domain 1.2). */
public final class SprintFields {

  public static final int NAME_MAX = 255;
  public static final int GOAL_MAX = 10_000;
  public static final List<String> STATUSES = List.of("planned", "active", "completed", "cancelled");

  private SprintFields() {}
}
