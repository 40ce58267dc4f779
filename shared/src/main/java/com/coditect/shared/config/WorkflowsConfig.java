package com.coditect.shared.config;

import java.util.Map;

/**
 * Settings of the workflow functions beyond {@link AppConfig}: where their EventBridge Scheduler
 * schedules live and what they deliver to.
 *
 * @param scheduleGroup the schedule group of every workflow schedule ({@code WORKFLOW_SCHEDULE_GROUP})
 * @param targetArn the event bus a schedule puts its event on ({@code WORKFLOW_SCHEDULE_TARGET_ARN})
 * @param roleArn the role EventBridge Scheduler assumes to put it ({@code WORKFLOW_SCHEDULER_ROLE_ARN})
 */
public record WorkflowsConfig(String scheduleGroup, String targetArn, String roleArn) {

  public static WorkflowsConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  /**
   * Deployed, the template sets all three. Locally and in tests nothing assumes the role or reads
   * the ARNs' accounts (the local runtime delivers a schedule's event to its own bus), so they
   * default to well-formed placeholders.
   */
  public static WorkflowsConfig fromMap(Map<String, String> env) {
    String bus = env.getOrDefault("EVENT_BUS_NAME", "coditect");
    String region = env.getOrDefault("AWS_REGION", "us-east-1");
    return new WorkflowsConfig(
        value(env, "WORKFLOW_SCHEDULE_GROUP", "coditect-workflows"),
        value(env, "WORKFLOW_SCHEDULE_TARGET_ARN", "arn:aws:events:" + region + ":000000000000:event-bus/" + bus),
        value(env, "WORKFLOW_SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/coditect-workflow-scheduler"));
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String raw = env.get(name);
    return raw == null || raw.isBlank() ? fallback : raw.trim();
  }
}
