package com.coditect.local;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.log.Log;
import com.coditect.testing.TemplateRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Plays EventBridge's rule matching for function targets, which moto cannot deliver to: each event
 * the bus accepted is matched against the template's rules with Event Ruler (the matcher
 * EventBridge uses) and handed to the target handler. A failed delivery stays queued and is retried
 * on every pump, so a failing consumer delays events but never drops them. Rules are told apart by
 * the logical id SAM gives them, and each rule's deliveries are counted, so the end-to-end tests
 * can show that every rule of the template delivers what they test.
 */
final class RuleDispatcher {

  private static final Log LOG = Log.forClass(RuleDispatcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Machine machine = new Machine();
  private final Map<String, TemplateRules.EventRule> rules = new HashMap<>();
  private final FunctionRegistry functions;
  private final String region;
  private final Deque<Delivery> pending = new ArrayDeque<>();
  private final Map<String, Integer> delivered = new HashMap<>();
  /** What looks at every event the bus took, whether or not a rule takes it (the local messages). */
  private final List<Consumer<OutboxRecord>> observers = new CopyOnWriteArrayList<>();

  RuleDispatcher(List<TemplateRules.EventRule> eventRules, FunctionRegistry functions, String region) {
    this.functions = functions;
    this.region = region;
    for (TemplateRules.EventRule rule : eventRules) {
      String problem = JsonRuleCompiler.check(rule.pattern());
      if (problem != null) {
        throw new IllegalStateException("rule " + rule.logicalId() + " in template.yaml has an invalid pattern: "
            + problem);
      }
      try {
        machine.addRule(rule.logicalId(), rule.pattern());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      rules.put(rule.logicalId(), rule);
    }
  }

  /** Shows every event dispatched from now on to {@code observer} too (before its rules' deliveries). */
  void observe(Consumer<OutboxRecord> observer) {
    observers.add(observer);
  }

  /** Queues a delivery for every rule the event matches, then delivers what is queued. */
  synchronized int dispatch(List<OutboxRecord> published) {
    for (OutboxRecord record : published) {
      for (Consumer<OutboxRecord> observer : observers) {
        try {
          observer.accept(record);
        } catch (RuntimeException e) {
          LOG.error("event observer failed", e, "event_id", record.eventId());
        }
      }
      String envelope = envelope(record);
      try {
        for (String ruleName : machine.rulesForJSONEvent(envelope)) {
          pending.add(new Delivery(rules.get(ruleName), envelope));
        }
      } catch (Exception e) {
        LOG.error("event could not be matched", e, "event_id", record.eventId());
      }
    }
    return deliverPending();
  }

  /** Retries what failed before; returns how many deliveries succeeded. */
  synchronized int deliverPending() {
    int delivered = 0;
    int attempts = pending.size();
    for (int i = 0; i < attempts; i++) {
      Delivery delivery = pending.poll();
      try {
        functions.invoke(delivery.rule().handler(), delivery.envelope(), UUID.randomUUID().toString());
        this.delivered.merge(delivery.rule().logicalId(), 1, Integer::sum);
        delivered++;
      } catch (RuntimeException e) {
        LOG.error("rule target failed; will retry", e, "rule", delivery.rule().logicalId());
        pending.add(delivery);
      }
    }
    return delivered;
  }

  int backlog() {
    return pending.size();
  }

  /** How many events the rule with this logical id has delivered so far (successfully). */
  synchronized int deliveries(String ruleLogicalId) {
    return delivered.getOrDefault(ruleLogicalId, 0);
  }

  /** The event as EventBridge hands it to a target. */
  String envelope(OutboxRecord record) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("version", "0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("detail-type", record.detailType());
    envelope.put("source", record.source());
    envelope.put("account", "000000000000");
    envelope.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    envelope.put("region", region);
    envelope.putArray("resources");
    try {
      envelope.set("detail", JSON.readTree(record.detail()));
    } catch (Exception e) {
      throw new IllegalStateException("outbox detail is not JSON", e);
    }
    return envelope.toString();
  }

  private record Delivery(TemplateRules.EventRule rule, String envelope) {}
}
