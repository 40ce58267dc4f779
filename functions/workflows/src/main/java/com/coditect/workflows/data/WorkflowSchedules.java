package com.coditect.workflows.data;

import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.EventBridgeParameters;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * The workflows' EventBridge Scheduler schedules. Each delivers one event to the platform's bus
 * (source {@link #SOURCE}, the detail type and detail given), where a rule of
 * template.yaml brings it to the engine, exactly as any other event: a timer (a wait step, a
 * retry's backoff, an approval's expiry) is a one-time {@code at(...)} schedule that deletes itself
 * after it fires; a scheduled trigger is a {@code cron(...)} or {@code rate(...)} schedule that
 * lives while its workflow is active. Names are derived from ids ({@code [0-9A-Za-z_.-]}, at most
 * 64 characters), so making one twice is a no-op and deleting one that is gone is too: a retried
 * event never makes a second timer.
 */
@Singleton
public final class WorkflowSchedules {

  // Outside coditect.*: a timer firing is no change of the platform, so the audit log (every coditect.*
  // event) does not take it; what the engine does on it is recorded as the change it is.
  public static final String SOURCE = "workflows.schedules";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final SchedulerClient scheduler;
  private final WorkflowsConfig config;

  @Inject
  public WorkflowSchedules(SchedulerClient scheduler, WorkflowsConfig config) {
    this.scheduler = scheduler;
    this.config = config;
  }

  /**
   * A one-time schedule firing at {@code at} (to the second, rounded up: a timer never fires
   * early), in UTC. Making a timer that exists already does nothing.
   */
  public void oneTime(String name, Instant at, String detailType, ObjectNode detail) {
    Instant due = at.truncatedTo(ChronoUnit.SECONDS).equals(at) ? at : at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    create(name, "at(" + AT.format(due) + ")", detailType, detail, true);
  }

  /**
   * A recurring schedule with a {@code cron(...)} or {@code rate(...)} expression, in UTC; false
   * when one of that name existed already (and stands as it was made).
   */
  public boolean recurring(String name, String expression, String detailType, ObjectNode detail) {
    return create(name, expression, detailType, detail, false);
  }

  /** Removes a schedule; one that is gone (fired and deleted, or never made) is not an error. */
  public void delete(String name) {
    try {
      scheduler.deleteSchedule(b -> b.groupName(config.scheduleGroup()).name(name));
    } catch (ResourceNotFoundException gone) {
      // already gone: what was asked for holds
    }
  }

  private boolean create(String name, String expression, String detailType, ObjectNode detail, boolean once) {
    String input = JsonText.write(detail);
    try {
      scheduler.createSchedule(b -> {
        b.groupName(config.scheduleGroup()).name(name).scheduleExpression(expression)
            .scheduleExpressionTimezone("UTC")
            .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
            .target(Target.builder().arn(config.targetArn()).roleArn(config.roleArn()).input(input)
                .eventBridgeParameters(EventBridgeParameters.builder().source(SOURCE).detailType(detailType).build())
                .build());
        if (once) {
          b.actionAfterCompletion(ActionAfterCompletion.DELETE);
        }
      });
      return true;
    } catch (ConflictException exists) {
      // made before (a retried event): the schedule stands as it was made
      return false;
    }
  }
}
