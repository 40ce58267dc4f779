package com.coditect.local;

import com.coditect.shared.log.Log;
import com.coditect.testing.TemplateRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the template's scheduled rules on their rate or cron (moto never fires schedules), and on
 * demand through {@code POST /local/schedules/{rule}}. Targets get the event EventBridge sends.
 */
final class Schedules implements AutoCloseable {

  private static final Log LOG = Log.forClass(Schedules.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, TemplateRules.ScheduleRule> rules = new ConcurrentHashMap<>();
  private final Map<String, ScheduleExpression> expressions = new ConcurrentHashMap<>();
  private final FunctionRegistry functions;
  private final String region;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "local-schedules");
    thread.setDaemon(true);
    return thread;
  });

  Schedules(List<TemplateRules.ScheduleRule> scheduleRules, FunctionRegistry functions, String region) {
    this.functions = functions;
    this.region = region;
    for (TemplateRules.ScheduleRule rule : scheduleRules) {
      rules.put(rule.name(), rule);
      expressions.put(rule.name(), ScheduleExpression.parse(rule.expression()));
    }
  }

  /** Starts the timers; each rule re-arms itself after it fires. */
  void start() {
    rules.keySet().forEach(this::arm);
  }

  /** Fires a rule now; false when the template has no scheduled rule of that name. */
  boolean fireNow(String ruleName) {
    TemplateRules.ScheduleRule rule = rules.get(ruleName);
    if (rule == null) {
      return false;
    }
    fire(rule);
    return true;
  }

  int size() {
    return rules.size();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void arm(String ruleName) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    expressions.get(ruleName).nextAfter(now).ifPresent(next -> timer.schedule(() -> {
      fire(rules.get(ruleName));
      arm(ruleName);
    }, Math.max(0, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS));
  }

  private void fire(TemplateRules.ScheduleRule rule) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", "000000000000");
    event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.putArray("resources").add("arn:aws:events:" + region + ":000000000000:rule/" + rule.name());
    event.putObject("detail");
    try {
      functions.invoke(rule.handler(), event.toString(), event.get("id").asText());
      LOG.info("schedule fired", "rule", rule.name());
    } catch (RuntimeException e) {
      LOG.error("scheduled target failed", e, "rule", rule.name());
    }
  }
}
