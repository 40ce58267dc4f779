package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.AuditApi.Tenant;
import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /v1/audit-logs} and {@code GET /v1/audit-logs/verify} on moto, over entries made by
 * the real ingest: every filter is one Query on its own list, nothing past retention is served,
 * and verify finds the first altered, unlinked or missing entry page by page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogRoutesIT {

  private AuditApi api;

  @BeforeAll
  void start() {
    api = new AuditApi("audit-logs");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- GET /v1/audit-logs

  @Test
  void auditorsOwnersAndAdminsListTheLogNewestFirstInOneQuery() {
    Tenant acme = api.seedTenant();
    String task = Ids.newId();
    api.record(acme.id(), acme.memberId(), "task.created", "task", task);
    api.record(acme.id(), acme.memberId(), "task.updated", "task", task);
    api.record(acme.id(), acme.adminId(), "task.deleted", "task", task);

    for (Map<String, String> reader : List.of(acme.auditor(), acme.owner(), acme.admin())) {
      HandlerResponse list = list(reader);
      list.assertStatus(200);
      assertEquals(List.of("task.deleted", "task.updated", "task.created"), actions(list));
      assertEquals(List.of("Query"), list.dynamoCalls());
      assertNull(list.json().path("next_cursor").textValue());
    }
    JsonNode newest = list(acme.auditor()).json().path("items").get(0);
    assertEquals(3, newest.path("seq").asInt());
    assertEquals(acme.adminId(), newest.path("user_id").asText());
    assertEquals("task", newest.path("resource_type").asText());
    assertEquals(task, newest.path("resource_id").asText());
    assertEquals("warning", newest.path("severity").asText());
    assertEquals("198.51.100.4", newest.path("ip_address").asText());
    assertEquals("PATCH", newest.path("request_method").asText());
    assertEquals("b", newest.path("changes").path("name").path("new").asText());
    assertEquals("coditect.pm", newest.path("metadata").path("source").asText());
    assertEquals(64, newest.path("hash").asText().length());
  }

  @Test
  void membersAndViewersMayNotReadTheLogAndNoTokenIs401() {
    Tenant acme = api.seedTenant();
    api.record(acme.id(), acme.memberId(), "task.created", "task", Ids.newId());
    for (Map<String, String> refused : List.of(acme.member(), acme.viewer())) {
      for (String route : List.of("GET /v1/audit-logs", "GET /v1/audit-logs/verify")) {
        HandlerResponse denied = api.call(HttpEvents.route(route).path(route.substring(4)).claims(refused).build());
        denied.assertStatus(403);
        assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
      }
    }
    for (String route : List.of("GET /v1/audit-logs", "GET /v1/audit-logs/verify")) {
      HandlerResponse anonymous = api.call(HttpEvents.route(route).path(route.substring(4)).build());
      anonymous.assertStatus(401);
      assertTrue(anonymous.dynamoCalls().isEmpty());
    }
  }

  @Test
  void eachFilterUsesItsOwnListAndFiltersCombine() {
    Tenant acme = api.seedTenant();
    String project = Ids.newId();
    String task = Ids.newId();
    api.record(acme.id(), acme.memberId(), "task.created", "task", task);
    api.record(acme.id(), acme.adminId(), "project.updated", "project", project);
    api.record(acme.id(), acme.memberId(), "task.updated", "task", task);
    api.record(acme.id(), acme.adminId(), "task.deleted", "task", task);

    assertEquals(List.of("task.updated", "task.created"), actions(list(acme.auditor(), "user_id", acme.memberId())));
    assertEquals(List.of("project.updated"), actions(list(acme.auditor(), "action", "project.updated")));
    assertEquals(List.of("task.deleted", "task.updated", "task.created"),
        actions(list(acme.auditor(), "resource_type", "task", "resource_id", task)));
    assertEquals(List.of("task.deleted"), actions(list(acme.auditor(), "severity", "warning")));
    assertEquals(List.of("task.deleted", "project.updated"), actions(list(acme.auditor(), "user_id", acme.adminId())));
    assertEquals(List.of("task.deleted"),
        actions(list(acme.auditor(), "user_id", acme.adminId(), "resource_type", "task")));
    assertEquals(List.of("task.updated"),
        actions(list(acme.auditor(), "resource_type", "task", "resource_id", task, "user_id", acme.memberId(),
            "action", "task.updated")));
    assertEquals(List.of("project.updated"),
        actions(list(acme.auditor(), "severity", "info", "resource_type", "project")));
    // An id without its type narrows the by-time list (the resource list's key needs both).
    assertEquals(List.of("task.deleted", "task.updated", "task.created"),
        actions(list(acme.auditor(), "resource_id", task)));
    assertEquals(List.of("Query"), list(acme.auditor(), "resource_id", task).dynamoCalls());
    assertEquals(List.of(), actions(list(acme.auditor(), "action", "task.deleted", "severity", "info")));
    for (String[] filter : List.of(new String[] {"user_id", acme.memberId()}, new String[] {"action", "task.updated"},
        new String[] {"severity", "warning"}, new String[] {"resource_type", "task", "resource_id", task})) {
      assertEquals(List.of("Query"), list(acme.auditor(), filter).dynamoCalls());
    }
  }

  @Test
  void fromAndToAreAnInclusiveRangeOfCreatedAt() {
    Tenant acme = api.seedTenant();
    api.record(acme.id(), acme.memberId(), "task.created", "task", Ids.newId());
    List<String> times = new ArrayList<>();
    list(acme.auditor()).json().path("items").forEach(item -> times.add(item.path("created_at").asText()));
    String first = times.get(0);
    api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    String second = list(acme.auditor()).json().path("items").get(0).path("created_at").asText();

    assertEquals(List.of("task.updated", "task.created"), actions(list(acme.auditor(), "from", first)));
    assertEquals(List.of("task.created"), actions(list(acme.auditor(), "to", first)));
    assertEquals(List.of("task.updated"), actions(list(acme.auditor(), "from", second, "to", second)));
    assertEquals(List.of(), actions(list(acme.auditor(), "from", "2030-01-01")));
    HandlerResponse reversed = list(acme.auditor(), "from", "2026-02-01", "to", "2026-01-31T23:59:59Z");
    assertEquals(List.of(), actions(reversed), "a range ending before it starts holds nothing");
    assertEquals(List.of(), reversed.dynamoCalls(), "and is not queried: DynamoDB refuses a reversed BETWEEN");
    assertEquals(List.of("task.created"), actions(list(acme.auditor(), "user_id", acme.memberId(), "to", first)));
    assertEquals(List.of("task.updated", "task.created"),
        actions(list(acme.auditor(), "from", "2020-01-01T00:00:00+02:00", "to", "2099-12-31")));
  }

  @Test
  void pagesFollowTheCursorAndACursorIsBoundToItsFilters() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 5; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    List<Long> seqs = new ArrayList<>();
    String cursor = null;
    do {
      HandlerResponse page = cursor == null ? list(acme.auditor(), "limit", "2") : list(acme.auditor(), "limit", "2", "cursor", cursor);
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls());
      page.json().path("items").forEach(item -> seqs.add(item.path("seq").asLong()));
      cursor = page.json().path("next_cursor").textValue();
    } while (cursor != null);
    assertEquals(List.of(5L, 4L, 3L, 2L, 1L), seqs);

    String firstCursor = list(acme.auditor(), "limit", "2").text("next_cursor");
    HandlerResponse rebound = list(acme.auditor(), "limit", "2", "cursor", firstCursor, "action", "task.updated");
    rebound.assertStatus(400);
    assertEquals(List.of("cursor"), rebound.errorFields());
  }

  @Test
  void badFiltersAre400NamingTheFieldAndReadNothing() {
    Tenant acme = api.seedTenant();
    Map<String[], String> cases = Map.of(
        new String[] {"user_id", "not-a-uuid"}, "user_id",
        new String[] {"severity", "fatal"}, "severity",
        new String[] {"from", "yesterday"}, "from",
        new String[] {"to", "2026-13-01"}, "to",
        new String[] {"action", "x".repeat(101)}, "action",
        new String[] {"limit", "0"}, "limit",
        new String[] {"cursor", "forged"}, "cursor");
    cases.forEach((filter, field) -> {
      HandlerResponse bad = list(acme.auditor(), filter);
      bad.assertStatus(400);
      assertEquals(List.of(field), bad.errorFields(), String.join("=", filter));
      assertTrue(bad.dynamoCalls().isEmpty(), "a bad filter is refused before any read");
    });
  }

  /** A '#' would split a list's key into other segments: the filter is refused, not a 500. */
  @Test
  void aHashInATextFilterIs400NamingIt() {
    Tenant acme = api.seedTenant();
    Map<List<String>, String> cases = Map.of(
        List.of("action", "task#updated"), "action",
        List.of("resource_type", "task#x", "resource_id", Ids.newId()), "resource_type",
        List.of("resource_type", "task", "resource_id", "a#b"), "resource_id",
        List.of("resource_id", "#"), "resource_id");
    cases.forEach((filter, field) -> {
      HandlerResponse bad = list(acme.auditor(), filter.toArray(String[]::new));
      bad.assertStatus(400);
      assertEquals(List.of(field), bad.errorFields(), String.join("=", filter));
      assertTrue(bad.dynamoCalls().isEmpty(), "refused before any read");
    });
  }

  @Test
  void anotherTenantsEntriesAreNeverListed() {
    Tenant acme = api.seedTenant();
    Tenant globex = api.seedTenant();
    String task = Ids.newId();
    api.record(acme.id(), acme.memberId(), "task.created", "task", task);

    assertEquals(List.of(), actions(list(globex.auditor())));
    assertEquals(List.of(), actions(list(globex.auditor(), "user_id", acme.memberId())));
    assertEquals(List.of(), actions(list(globex.auditor(), "resource_type", "task", "resource_id", task)));
    assertEquals(List.of(), actions(list(globex.auditor(), "action", "task.created")));
    HandlerResponse verify = verify(globex.auditor());
    assertEquals(0, verify.json().path("entries_checked").asInt());
    assertEquals(List.of("task.created"), actions(list(acme.auditor())));
  }

  @Test
  void anEntryPastRetentionIsNotServedBeforeDynamoDbRemovesIt() {
    Tenant acme = api.seedTenant();
    String task = Ids.newId();
    api.record(acme.id(), acme.memberId(), "task.created", "task", task);
    api.record(acme.id(), acme.memberId(), "task.updated", "task", task);
    long past = System.currentTimeMillis() / 1000 - 60;
    TenantId tenant = new TenantId(acme.id());
    // The entry and every list row carry the ttl; expire all copies of seq 1, as retention would.
    setTtlEverywhere(tenant, 1, past);

    assertEquals(List.of("task.updated"), actions(list(acme.auditor())));
    assertEquals(List.of("task.updated"), actions(list(acme.auditor(), "resource_type", "task", "resource_id", task)));
    assertEquals(List.of("task.updated"), actions(list(acme.auditor(), "user_id", acme.memberId())));
    assertEquals(List.of(), actions(list(acme.auditor(), "action", "task.created")));
  }

  // ---------------------------------------------------------------- GET /v1/audit-logs/verify

  @Test
  void verifyReportsAnIntactCompleteChainInOneQuery() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 4; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    HandlerResponse verified = verify(acme.auditor());
    verified.assertStatus(200);
    assertEquals(List.of("Query"), verified.dynamoCalls());
    JsonNode body = verified.json();
    assertTrue(body.path("intact").asBoolean());
    assertTrue(body.path("complete").asBoolean());
    assertTrue(body.path("first_break").isNull());
    assertEquals(4, body.path("entries_checked").asInt());
    assertEquals(1, body.path("verified_from_seq").asInt());
    assertEquals(4, body.path("verified_to_seq").asInt());
    assertEquals(4, body.path("head_seq").asInt());
    assertFalse(body.path("earlier_entries_expired").asBoolean());
    assertTrue(body.path("next_cursor").isNull());
  }

  @Test
  void verifyWalksPageByPageWithTheRunningHashInTheCursor() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 5; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    List<String> ranges = new ArrayList<>();
    String cursor = null;
    JsonNode last;
    do {
      HandlerResponse page = cursor == null ? verify(acme.auditor(), "limit", "2") : verify(acme.auditor(), "limit", "2", "cursor", cursor);
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls());
      last = page.json();
      assertTrue(last.path("intact").asBoolean());
      if (!last.path("verified_from_seq").isNull()) {
        ranges.add(last.path("verified_from_seq").asInt() + "-" + last.path("verified_to_seq").asInt());
      }
      cursor = last.path("next_cursor").textValue();
    } while (cursor != null);
    assertEquals(List.of("1-2", "3-4", "5-5"), ranges);
    assertTrue(last.path("complete").asBoolean());

    HandlerResponse foreign = verify(api.seedTenant().auditor(), "cursor", verify(acme.auditor(), "limit", "2").text("next_cursor"));
    foreign.assertStatus(400);
    assertEquals(List.of("cursor"), foreign.errorFields());
    for (String limit : List.of("0", "1001", "many")) {
      HandlerResponse bad = verify(acme.auditor(), "limit", limit);
      bad.assertStatus(400);
      assertEquals(List.of("limit"), bad.errorFields());
    }
  }

  @Test
  void verifyNamesTheFirstAlteredEntry() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 4; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    update(acme, 3, "SET #action = :forged", Map.of("#action", "action"), Map.of(":forged", AttributeValue.fromS("task.viewed")));
    update(acme, 4, "SET severity = :s", Map.of(), Map.of(":s", AttributeValue.fromS("critical")));

    JsonNode body = verify(acme.owner()).json();
    assertFalse(body.path("intact").asBoolean());
    assertEquals(3, body.path("first_break").path("seq").asInt());
    assertEquals("altered", body.path("first_break").path("reason").asText());
    assertEquals(2, body.path("entries_checked").asInt());
    assertTrue(body.path("next_cursor").isNull(), "no point walking past a break");
  }

  @Test
  void verifyNamesAnEntryRelinkedToAnotherPredecessor() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 3; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    update(acme, 2, "SET prev_hash = :h", Map.of(), Map.of(":h", AttributeValue.fromS("0".repeat(64))));
    JsonNode body = verify(acme.auditor()).json();
    assertEquals(2, body.path("first_break").path("seq").asInt());
    assertEquals("unlinked", body.path("first_break").path("reason").asText());
  }

  @Test
  void verifyFindsEntriesRemovedFromTheMiddleOrTheEnd() {
    Tenant middle = api.seedTenant();
    for (int i = 0; i < 4; i++) {
      api.record(middle.id(), middle.memberId(), "task.updated", "task", Ids.newId());
    }
    delete(middle, 2);
    JsonNode gap = verify(middle.auditor()).json();
    assertEquals(2, gap.path("first_break").path("seq").asInt());
    assertEquals("missing", gap.path("first_break").path("reason").asText());

    Tenant end = api.seedTenant();
    for (int i = 0; i < 3; i++) {
      api.record(end.id(), end.memberId(), "task.updated", "task", Ids.newId());
    }
    delete(end, 3);
    // The walk ends at seq 2 while the head chained seq 3: the first page sees the head ahead and
    // continues; the continuation finds nothing after seq 2, so seq 3 is gone.
    JsonNode first = verify(end.auditor()).json();
    JsonNode result = first.path("next_cursor").isNull() ? first
        : verify(end.auditor(), "cursor", first.path("next_cursor").asText()).json();
    assertFalse(result.path("intact").asBoolean());
    assertEquals(3, result.path("first_break").path("seq").asInt());
    assertEquals("missing", result.path("first_break").path("reason").asText());

    Tenant all = api.seedTenant();
    api.record(all.id(), all.memberId(), "task.updated", "task", Ids.newId());
    delete(all, 1);
    JsonNode emptied = verify(all.auditor()).json();
    assertFalse(emptied.path("intact").asBoolean(), "the newest entry cannot have expired yet");
    assertEquals(1, emptied.path("first_break").path("seq").asInt());
    assertEquals("deleted_before_expiry", emptied.path("first_break").path("reason").asText());
  }

  /** Issue #10: the oldest retained entry must be as old as retention says. */
  @Test
  void theFirstEntriesDeletedBeforeTheirRetentionRanOutAreReported() {
    Tenant acme = api.seedTenant();
    for (int i = 0; i < 4; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    delete(acme, 1);
    HandlerResponse first = verify(acme.auditor());
    assertEquals(List.of("Query"), first.dynamoCalls());
    JsonNode one = first.json();
    assertFalse(one.path("intact").asBoolean());
    assertFalse(one.path("complete").asBoolean());
    assertEquals(1, one.path("first_break").path("seq").asInt());
    assertEquals("deleted_before_expiry", one.path("first_break").path("reason").asText());
    assertTrue(one.path("next_cursor").isNull());

    delete(acme, 2);
    JsonNode two = verify(acme.auditor()).json();
    assertFalse(two.path("intact").asBoolean());
    assertEquals(2, two.path("first_break").path("seq").asInt(), "seq 3 names seq 2's expiry, a year away");
    assertEquals("deleted_before_expiry", two.path("first_break").path("reason").asText());
  }

  @Test
  void entriesWhoseRetentionRanOutMayBeGoneInAnyOrder() {
    Tenant acme = api.seedTenant();
    recordDaysAgo(acme, 400, 3);
    for (int i = 0; i < 2; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    // DynamoDB's TTL removes expired items late and in any order: seq 2 has gone, 1 and 3 not yet.
    delete(acme, 2);
    JsonNode body = verify(acme.auditor()).json();
    assertTrue(body.path("intact").asBoolean(), body.toString());
    assertTrue(body.path("complete").asBoolean());
    assertTrue(body.path("earlier_entries_expired").asBoolean());
    assertEquals(4, body.path("verified_from_seq").asInt(), "the entries past retention are not walked");
    assertEquals(5, body.path("verified_to_seq").asInt());
    assertEquals(2, body.path("entries_checked").asInt());

    // Page by page, the cursor passes the expired entries before the walk begins.
    List<String> ranges = new ArrayList<>();
    String cursor = null;
    JsonNode last;
    do {
      HandlerResponse page = cursor == null ? verify(acme.auditor(), "limit", "1")
          : verify(acme.auditor(), "limit", "1", "cursor", cursor);
      page.assertStatus(200);
      last = page.json();
      assertTrue(last.path("intact").asBoolean(), last.toString());
      if (!last.path("verified_from_seq").isNull()) {
        ranges.add(last.path("verified_from_seq").asInt() + "-" + last.path("verified_to_seq").asInt());
      }
      cursor = last.path("next_cursor").textValue();
    } while (cursor != null);
    assertEquals(List.of("4-4", "5-5"), ranges);
    assertTrue(last.path("complete").asBoolean());

    delete(acme, 1);
    delete(acme, 3);
    assertTrue(verify(acme.auditor()).json().path("intact").asBoolean(), "and once all of them are gone");

    Tenant quiet = api.seedTenant();
    recordDaysAgo(quiet, 400, 2);
    delete(quiet, 1);
    delete(quiet, 2);
    JsonNode expired = verify(quiet.auditor()).json();
    assertTrue(expired.path("intact").asBoolean(), "every entry expired: only the head is left");
    assertTrue(expired.path("complete").asBoolean());
    assertEquals(2, expired.path("head_seq").asInt());
    assertTrue(expired.path("earlier_entries_expired").asBoolean());
  }

  @Test
  void entriesDeletedWithExpiredOnesAreReportedAtTheNewestThatCouldNotHaveExpired() {
    Tenant acme = api.seedTenant();
    recordDaysAgo(acme, 400, 2);
    for (int i = 0; i < 3; i++) {
      api.record(acme.id(), acme.memberId(), "task.updated", "task", Ids.newId());
    }
    delete(acme, 1);
    delete(acme, 2);
    assertTrue(verify(acme.auditor()).json().path("intact").asBoolean(), "seq 1 and 2 expired");
    delete(acme, 3);
    JsonNode body = verify(acme.auditor()).json();
    assertFalse(body.path("intact").asBoolean());
    assertEquals(3, body.path("first_break").path("seq").asInt());
    assertEquals("deleted_before_expiry", body.path("first_break").path("reason").asText());
  }

  @Test
  void aTenantWithoutEntriesHasAnIntactEmptyChain() {
    JsonNode body = verify(api.seedTenant().auditor()).json();
    assertTrue(body.path("intact").asBoolean());
    assertTrue(body.path("complete").asBoolean());
    assertEquals(0, body.path("entries_checked").asInt());
    assertTrue(body.path("head_seq").isNull());
  }

  // ---------------------------------------------------------------- helpers

  private HandlerResponse list(Map<String, String> claims, String... query) {
    return get("GET /v1/audit-logs", "/v1/audit-logs", claims, query);
  }

  private HandlerResponse verify(Map<String, String> claims, String... query) {
    return get("GET /v1/audit-logs/verify", "/v1/audit-logs/verify", claims, query);
  }

  private HandlerResponse get(String route, String path, Map<String, String> claims, String... query) {
    HttpEvents.Builder event = HttpEvents.route(route).path(path).claims(claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  /** Entries written through the real ingest as if {@code days} ago, with the tenant's retention then. */
  private void recordDaysAgo(Tenant tenant, int days, int count) {
    api.ingestClock.setBack(Duration.ofDays(days));
    try {
      for (int i = 0; i < count; i++) {
        api.record(tenant.id(), tenant.memberId(), "task.updated", "task", Ids.newId());
      }
    } finally {
      api.ingestClock.reset();
    }
  }

  private static List<String> actions(HandlerResponse list) {
    List<String> actions = new ArrayList<>();
    list.json().path("items").forEach(item -> actions.add(item.path("action").asText()));
    return actions;
  }

  private void update(Tenant tenant, long seq, String expression, Map<String, String> names,
      Map<String, AttributeValue> values) {
    api.env.dynamoDb().updateItem(b -> {
      b.tableName(api.env.tableName()).key(key(tenant, seq)).updateExpression(expression).expressionAttributeValues(values);
      if (!names.isEmpty()) {
        b.expressionAttributeNames(names);
      }
    });
  }

  private void delete(Tenant tenant, long seq) {
    api.env.dynamoDb().deleteItem(b -> b.tableName(api.env.tableName()).key(key(tenant, seq)));
  }

  /** Sets the ttl of an entry and of each of its list rows (found by their seq suffix). */
  private void setTtlEverywhere(TenantId tenant, long seq, long ttl) {
    String suffix = "#" + AuditKeys.sequence(seq);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())).items().forEach(item -> {
      String pk = item.get("PK").s();
      String sk = item.get("SK").s();
      if (pk.startsWith(AuditKeys.entries(tenant)) && (sk.equals(AuditKeys.sequence(seq)) || sk.endsWith(suffix))) {
        keys.add(Map.of("PK", item.get("PK"), "SK", item.get("SK")));
      }
    });
    assertTrue(keys.size() >= 3, "the entry and its rows: " + keys.size());
    for (Map<String, AttributeValue> key : keys) {
      api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName()).key(key).updateExpression("SET #ttl = :t")
          .expressionAttributeNames(Map.of("#ttl", "ttl"))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Long.toString(ttl)))));
    }
  }

  private static Map<String, AttributeValue> key(Tenant tenant, long seq) {
    return Map.of("PK", AttributeValue.fromS(AuditKeys.entries(new TenantId(tenant.id()))),
        "SK", AttributeValue.fromS(AuditKeys.sequence(seq)));
  }
}
