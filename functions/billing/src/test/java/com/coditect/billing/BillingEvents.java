package com.coditect.billing;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.OutboxStreamRecords;
import com.coditect.shared.store.TableStream;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateRules;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.event.ruler.Machine;

/**
 * The bus between the webhook and billing's events handler, as the deployed platform has it: the
 * table's stream carries the outbox, and each event goes to the handler once per rule of
 * template.yaml's BillingEventsFunction that matches it (Event Ruler). A rule wired to the wrong
 * function, or a pattern that misses, fails the tests that pump.
 */
final class BillingEvents {

  private static final String HANDLER = BillingEventsHandler.class.getName() + "::";

  private final BillingApi api;
  private final BillingEventsHandler handler;
  private final TableStream stream;
  private final Machine rules = new Machine();
  private Map<String, String> shards;

  BillingEvents(BillingApi api) {
    this.api = api;
    this.handler = api.component.eventsHandler();
    this.stream = new TableStream(api.env.dynamoDb(), api.env.streams(), api.env.tableName());
    for (TemplateRules.EventRule rule : new TemplateRules(CloudTemplate.load()).eventRules()) {
      if (rule.handler().startsWith(HANDLER)) {
        try {
          rules.addRule(rule.logicalId(), rule.pattern());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Delivers every new outbox event the function's rules take; returns how many deliveries were made. */
  int pump() {
    int delivered = 0;
    for (OutboxRecord record : next()) {
      for (int match = rulesTaking(record); match > 0; match--) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("source", record.source());
        envelope.put("detail-type", record.detailType());
        envelope.put("detail", Json.newMapper().convertValue(Json.readTree(record.detail()), Map.class));
        handler.handleRequest(envelope, null);
        delivered++;
      }
    }
    return delivered;
  }

  /** The outbox events written since the last call, read off the table's stream. */
  List<OutboxRecord> next() {
    if (shards == null) {
      String arn = stream.latestArn();
      shards = new LinkedHashMap<>();
      for (String shard : stream.shardIds(arn)) {
        shards.put(shard, api.env.streams().getShardIterator(r -> r.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
      }
    }
    List<OutboxRecord> found = new ArrayList<>();
    for (Map.Entry<String, String> shard : shards.entrySet()) {
      GetRecordsResponse page = api.env.streams().getRecords(r -> r.shardIterator(shard.getValue()));
      if (page.nextShardIterator() != null) {
        shard.setValue(page.nextShardIterator());
      }
      for (Record record : page.records()) {
        OutboxStreamRecords.fromSdk(record).ifPresent(found::add);
      }
    }
    return found;
  }

  private int rulesTaking(OutboxRecord record) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("source", record.source());
    event.put("detail-type", record.detailType());
    event.set("detail", Json.readTree(record.detail()));
    try {
      return rules.rulesForJSONEvent(event.toString()).size();
    } catch (Exception e) {
      throw new AssertionError("event could not be matched: " + event, e);
    }
  }
}
