package com.coditect.pm.api;

/** The spec's limits for sprints (Domain 1.2). */
public final class SprintFields {

  public static final int NAME_MAX = 255;
  public static final int GOAL_MAX = 10_000;

  private SprintFields() {}
}
