package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRules;

import com.coditect.testing.ContainerCredentialsEndpoint;
import com.coditect.testing.MotoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * The EventBridge Scheduler emulation against moto's scheduler: schedules made as the workflows
 * make them (WorkflowSchedules) fire at their time through the local bus, whose rules (here one
 * that records) deliver the target's input as detail with its source and detail type. A one-time
 * schedule fires once and is deleted; a rate schedule fires again each period.
 */
class LocalSchedulerIT {

  private static final String TARGET = RecordingHandler.class.getName() + "::handleRequest";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private SchedulerClient scheduler;
  private String group;
  private LocalScheduler local;

  @BeforeEach
  void start() {
    RecordingHandler.RECEIVED.clear();
    RecordingHandler.FAILURES_LEFT.set(0);
    ContainerCredentialsEndpoint.installForThisJvm();
    scheduler = SchedulerClient.builder().endpointOverride(MotoServer.endpoint()).region(Region.US_EAST_1)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    group = "local-scheduler-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    scheduler.createScheduleGroup(b -> b.name(group));
    RuleDispatcher bus = new RuleDispatcher(List.of(new TemplateRules.EventRule("Timers", TARGET,
        "{\"source\":[\"workflows.schedules\"]}")), new FunctionRegistry(), "us-east-1");
    local = new LocalScheduler(scheduler, group, bus, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    local.close();
    scheduler.close();
  }

  private void create(String name, String expression, String detailType, String input, boolean once) {
    scheduler.createSchedule(b -> {
      b.groupName(group).name(name).scheduleExpression(expression).scheduleExpressionTimezone("UTC")
          .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
          .target(t -> t.arn("arn:aws:events:us-east-1:000000000000:event-bus/coditect")
              .roleArn("arn:aws:iam::000000000000:role/coditect-workflow-scheduler").input(input)
              .eventBridgeParameters(p -> p.source("workflows.schedules").detailType(detailType)));
      if (once) {
        b.actionAfterCompletion(ActionAfterCompletion.DELETE);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(int index) {
    return (Map<String, Object>) RecordingHandler.RECEIVED.get(index).get("detail");
  }

  @Test
  void aOneTimeTimerFiresAtItsSecondThroughTheBusOnceAndIsDeleted() {
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30);
    create("t-step-1-wait", "at(" + AT.format(due) + ")", "timer.fired",
        "{\"tenant_id\":\"t1\",\"execution_id\":\"e1\",\"step_id\":\"s1\",\"purpose\":\"wait\",\"due_at\":\"x\"}", true);

    assertEquals(List.of(), local.poll(due.minusMillis(1)));
    assertEquals(List.of(), RecordingHandler.RECEIVED);
    assertEquals(List.of("t-step-1-wait"), local.poll(due));
    assertEquals(1, RecordingHandler.RECEIVED.size());
    Map<String, Object> event = RecordingHandler.RECEIVED.get(0);
    assertEquals("workflows.schedules", event.get("source"));
    assertEquals("timer.fired", event.get("detail-type"));
    assertEquals("wait", detail(0).get("purpose"));
    assertEquals("e1", detail(0).get("execution_id"));

    assertTrue(isGone("t-step-1-wait"), "ActionAfterCompletion DELETE: the fired timer is deleted");
    assertEquals(List.of(), local.poll(due.plusSeconds(60)));
    assertEquals(1, RecordingHandler.RECEIVED.size());
  }

  @Test
  void aRateScheduleFiresEachPeriodThroughTheBusUntilDeleted() {
    create("s-wf-1-0", "rate(1 minute)", "schedule.fired", "{\"tenant_id\":\"t1\",\"workflow_id\":\"w1\"}", false);
    Instant created = scheduler.getSchedule(b -> b.groupName(group).name("s-wf-1-0")).creationDate();

    assertEquals(List.of(), local.poll(created.plusSeconds(59)));
    assertEquals(List.of("s-wf-1-0"), local.poll(created.plusSeconds(60)));
    assertEquals(List.of(), local.poll(created.plusSeconds(61)));
    assertEquals(List.of("s-wf-1-0"), local.poll(created.plusSeconds(120)));
    assertEquals(2, RecordingHandler.RECEIVED.size());
    assertEquals("schedule.fired", RecordingHandler.RECEIVED.get(1).get("detail-type"));
    assertEquals("w1", detail(1).get("workflow_id"));
    assertTrue(!RecordingHandler.RECEIVED.get(0).get("id").equals(RecordingHandler.RECEIVED.get(1).get("id")),
        "each firing is an event of its own");

    scheduler.deleteSchedule(b -> b.groupName(group).name("s-wf-1-0"));
    assertEquals(List.of(), local.poll(created.plusSeconds(180)));
  }

  @Test
  void theRunningEmulationFiresADueTimerWithinAboutASecond() throws Exception {
    local.start();
    create("t-step-2-retry-2", "at(" + AT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + ")", "timer.fired",
        "{\"tenant_id\":\"t1\",\"execution_id\":\"e2\",\"step_id\":\"s2\",\"purpose\":\"retry\",\"due_at\":\"x\"}", true);
    Instant deadline = Instant.now().plusSeconds(10);
    while (RecordingHandler.RECEIVED.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertEquals(1, RecordingHandler.RECEIVED.size());
    assertEquals("retry", detail(0).get("purpose"));
  }

  private boolean isGone(String name) {
    try {
      scheduler.getSchedule(b -> b.groupName(group).name(name));
      return false;
    } catch (ResourceNotFoundException e) {
      return true;
    }
  }
}
