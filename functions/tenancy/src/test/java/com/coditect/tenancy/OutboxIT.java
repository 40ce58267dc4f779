package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.ParkedEvents;
import com.coditect.shared.events.StreamFollower;
import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox end to end: tenancy writes on moto, the table's stream read by the same
 * publisher code the Lambda runs, EventBridge on moto delivering to an SQS queue we read.
 */
class OutboxIT {

  private TenancyApi api;
  private StreamFollower follower;

  @BeforeEach
  void start() {
    api = new TenancyApi("outbox");
    follower = new StreamFollower(api.env.dynamoDb(), api.env.streams(),
        new OutboxPublisher(api.env.eventBridge(), api.env.busName(),
            new ParkedEvents(api.env::dynamoDb, api.env.tableName(), Clock.systemUTC()), Clock.systemUTC()),
        api.env.tableName());
    follower.startAtLatest();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** Polls the stream until {@code expected} events went out (moto's stream is immediate). */
  private int publish(int expected) {
    int published = 0;
    for (int i = 0; i < 50 && published < expected; i++) {
      published += follower.poll();
    }
    return published;
  }

  @Test
  void everyCommittedChangeYieldsExactlyOneEventOnTheBus() {
    SeededTenant t = api.seedTenant("Evented");                       // tenant.created, user.created
    String member = api.addUser(t, "member");                          // user.created
    HandlerResponse project = api.call(HttpEvents.route("POST /v1/projects").claims(t.owner())
        .body("{\"key\":\"EVT\",\"name\":\"Events\"}").build());        // project.created
    String projectId = project.text("id");
    api.call(HttpEvents.route("PATCH /v1/projects/{project_id}").pathParam("project_id", projectId)
        .path("/v1/projects/" + projectId).claims(t.owner()).body("{\"name\":\"Renamed\"}").build()); // project.updated
    api.call(HttpEvents.route("PATCH /v1/me").claims(t.as(member, "member"))
        .body("{\"timezone\":\"Europe/Berlin\"}").build());             // user.updated

    assertEquals(6, publish(6));
    List<JsonNode> events = api.env.receivedEvents(6, Duration.ofSeconds(10));
    assertEquals(6, events.size(), events.toString());
    Set<String> ids = new HashSet<>();
    for (JsonNode event : events) {
      assertTrue(ids.add(event.path("detail").path("event_id").asText()), "duplicate event " + event);
      assertEquals(t.id(), event.path("detail").path("tenant_id").asText());
      assertEquals("coditect.tenancy", event.path("source").asText());
      assertEquals(event.path("detail-type").asText(), event.path("detail").path("action").asText());
    }
    List<String> actions = events.stream().map(e -> e.path("detail-type").asText()).sorted().toList();
    assertEquals(List.of("project.created", "project.updated", "tenant.created", "user.created", "user.created",
        "user.updated"), actions);

    JsonNode renamed = events.stream().filter(e -> e.path("detail-type").asText().equals("project.updated"))
        .findFirst().orElseThrow().path("detail");
    assertEquals("Events", renamed.path("changes").path("name").path("old").asText());
    assertEquals("Renamed", renamed.path("changes").path("name").path("new").asText());
    assertEquals(t.ownerId(), renamed.path("actor").path("user_id").asText());
    assertEquals("PATCH", renamed.path("request").path("method").asText());
  }

  @Test
  void rejectedWritesYieldNoEvent() {
    SeededTenant t = api.seedTenant("Quiet");
    api.call(HttpEvents.route("POST /v1/projects").claims(t.owner()).body("{\"key\":\"QT\",\"name\":\"Q\"}").build());
    assertEquals(3, publish(3));
    api.env.receivedEvents(3, Duration.ofSeconds(10));

    assertEquals(409, api.call(HttpEvents.route("POST /v1/projects").claims(t.owner())
        .body("{\"key\":\"QT\",\"name\":\"Again\"}").build()).status());
    assertEquals(400, api.call(HttpEvents.route("PATCH /v1/me").claims(t.owner())
        .body("{\"timezone\":\"Nowhere/Land\"}").build()).status());
    assertEquals(412, api.call(HttpEvents.route("PATCH /v1/me").claims(t.owner()).header("If-Match", "\"99\"")
        .body("{\"name\":\"Never\"}").build()).status());
    // A no-op change writes nothing, so it has nothing to announce either.
    HandlerResponse me = api.call(HttpEvents.route("GET /v1/me").claims(t.owner()).build());
    api.call(HttpEvents.route("PATCH /v1/me").claims(t.owner()).body("{\"name\":\"" + me.text("name") + "\"}").build());

    int published = publish(1);
    assertEquals(List.of(), api.env.drainEvents());
    assertEquals(0, published);
  }

  @Test
  void busOutageDelaysEventsButLosesNone() {
    SeededTenant t = api.seedTenant("Outage");
    assertEquals(2, publish(2));
    api.env.receivedEvents(2, Duration.ofSeconds(10));

    api.env.deleteBus();
    api.call(HttpEvents.route("POST /v1/teams").claims(t.owner()).body("{\"name\":\"Ops\"}").build());
    assertEquals(0, follower.poll());
    assertEquals(0, follower.poll(), "nothing goes out while the bus is down");
    assertEquals(1, follower.backlog());

    api.env.recreateBus();
    assertEquals(1, publish(1));
    assertEquals(0, follower.backlog());
    List<JsonNode> events = api.env.receivedEvents(1, Duration.ofSeconds(10));
    assertEquals(1, events.size());
    assertEquals("team.created", events.get(0).path("detail-type").asText());
  }
}
