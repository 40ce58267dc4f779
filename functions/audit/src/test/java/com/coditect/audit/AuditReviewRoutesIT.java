package com.coditect.audit;

import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.pageThrough;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.audit.AuditApi.Tenant;
import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.IamPolicy;
import com.coditect.testing.OpenApiContract;
import com.coditect.testing.TemplateIam;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The audit review routes on moto: {@code GET|POST /v1/audit-reviews} and
 * {@code GET|PATCH /v1/audit-reviews/{review_id}}. Reviews are the auditors' (and owners' and
 * admins'); one starts in progress and ends completed or cancelled, after which it is final.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReviewRoutesIT {

  private static final String NOT_A_UUID = "12345";
  private static final String Q1 = body("security", "2026-01-01", "2026-03-31");

  private AuditApi api;
  private Tenant acme;
  private Tenant globex;

  @BeforeAll
  void start() {
    api = new AuditApi("audit-reviews");
    acme = api.seedTenant();
    globex = api.seedTenant();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/audit-reviews

  @Test
  void auditorStartsAReviewInProgressInOneTransaction() {
    HandlerResponse created = create(acme.auditor(), "{\"review_type\":\"access\",\"scope_start_date\":\"2026-01-01\","
        + "\"scope_end_date\":\"2026-06-30\",\"findings\":\"Two stale admin accounts\"}");

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/audit-reviews/" + id, created.headers().get("Location"));
    assertEquals("\"1\"", created.headers().get("ETag"));
    assertEquals(acme.auditorId(), created.text("reviewer_id"), "the caller is the reviewer");
    assertEquals("access", created.text("review_type"));
    assertEquals("2026-01-01", created.text("scope_start_date"));
    assertEquals("2026-06-30", created.text("scope_end_date"));
    assertEquals("in_progress", created.text("status"));
    assertEquals("Two stale admin accounts", created.text("findings"));
    assertTrue(created.json().path("recommendations").isNull());
    assertTrue(created.json().path("completed_at").isNull());
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = get(acme.owner(), id);
    read.assertStatus(200);
    assertEquals(created.json(), read.json());
    assertEquals("\"1\"", read.headers().get("ETag"));
    assertEquals(List.of("GetItem"), read.dynamoCalls());

    JsonNode event = onlyEvent(id, "audit_review.created");
    assertEquals("audit_review", event.path("resource_type").asText());
    assertEquals("coditect.audit", event.path("source").asText());
    assertEquals(acme.auditorId(), event.path("actor").path("user_id").asText());
    assertEquals("access", event.path("changes").path("review_type").path("new").asText());
  }

  @Test
  void onlyAuditorsOwnersAndAdminsWorkWithReviews() {
    for (var claims : List.of(acme.owner(), acme.admin())) {
      create(claims, Q1).assertStatus(201);
    }
    String review = newReview(acme.auditor(), Q1);
    String billing = api.seedUser(acme.id(), "billing");
    var billingClaims = HttpEvents.claims(billing, acme.id(), "billing");
    for (var claims : List.of(acme.member(), acme.viewer(), billingClaims)) {
      for (HandlerResponse refused : List.of(
          create(claims, Q1),
          list(claims),
          get(claims, review),
          patch(claims, review, null, "{\"findings\":\"Nothing to see\"}"))) {
        refused.assertStatus(403);
        assertTrue(refused.dynamoCalls().isEmpty(), "a refused request must not touch the table");
      }
    }
    HandlerResponse after = get(acme.auditor(), review);
    assertEquals("\"1\"", after.headers().get("ETag"));
    assertTrue(after.json().path("findings").isNull());
  }

  @Test
  void badReviewBodiesAre400NamingEachField() {
    Tenant fresh = api.seedTenant();
    var auditor = fresh.auditor();
    assertEquals(List.of("body"), bad(create(auditor, "{\"review_type\"")));
    assertEquals(List.of("body"), bad(create(auditor, "[]")));
    assertEquals(List.of("review_type", "scope_start_date", "scope_end_date"), bad(create(auditor, "{}")));
    assertEquals(List.of("review_type"), bad(create(auditor, body("financial", "2026-01-01", "2026-01-31"))));
    assertEquals(List.of("review_type"), bad(create(auditor, body("SECURITY", "2026-01-01", "2026-01-31"))));
    assertEquals(List.of("scope_start_date"), bad(create(auditor, body("data", "2026-02-30", "2026-03-31"))));
    assertEquals(List.of("scope_end_date"), bad(create(auditor, body("data", "2026-01-01", "31.03.2026"))));
    assertEquals(List.of("scope_end_date"), bad(create(auditor,
        "{\"review_type\":\"data\",\"scope_start_date\":\"2026-01-01\",\"scope_end_date\":null}")));
    assertEquals(List.of("findings"), bad(create(auditor, withField(Q1, "findings", "42"))));
    assertEquals(List.of("recommendations"), bad(create(auditor,
        withField(Q1, "recommendations", "\"" + "r".repeat(10_001) + "\""))));
    assertEquals(List.of("reviewer_id"), bad(create(auditor, withField(Q1, "reviewer_id", "\"" + fresh.ownerId() + "\""))));
    assertEquals(List.of("status"), bad(create(auditor, withField(Q1, "status", "\"completed\""))));
    assertEquals(List.of("completed_at"), bad(create(auditor, withField(Q1, "completed_at", "\"2026-04-01T00:00:00Z\""))));

    assertEquals(List.of(), ids(list(fresh.owner())), "no bad body may write anything");
    HandlerResponse longest = create(auditor, withField(Q1, "findings", "\"" + "f".repeat(10_000) + "\""));
    longest.assertStatus(201);
    assertEquals(10_000, longest.text("findings").length());
  }

  /** Mirrors a sprint's dates: a scope that ends before it starts is well-formed but against a rule. */
  @Test
  void aScopeEndingBeforeItStartsIs422NamingScopeEndDate() {
    HandlerResponse backwards = create(acme.auditor(), body("compliance", "2026-04-01", "2026-03-31"));
    assertEquals(List.of("scope_end_date"), unprocessable(backwards));
    assertTrue(backwards.dynamoCalls().isEmpty());

    HandlerResponse oneDay = create(acme.auditor(), body("compliance", "2026-04-01", "2026-04-01"));
    oneDay.assertStatus(201);
  }

  @Test
  void idempotencyKeyReplaysTheReviewCreation() {
    Tenant fresh = api.seedTenant();
    String key = UUID.randomUUID().toString();
    var event = HttpEvents.route("POST /v1/audit-reviews").claims(fresh.auditor()).header("Idempotency-Key", key)
        .body(Q1);
    HandlerResponse first = api.call(event.build());
    first.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());

    HandlerResponse again = api.call(event.build());
    again.assertStatus(201);
    assertEquals(first.json(), again.json());
    assertEquals(first.headers().get("Location"), again.headers().get("Location"));
    assertEquals("\"1\"", again.headers().get("ETag"));
    assertEquals("true", again.headers().get("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());

    HandlerResponse reused = api.call(HttpEvents.route("POST /v1/audit-reviews").claims(fresh.auditor())
        .header("Idempotency-Key", key).body(body("data", "2026-01-01", "2026-01-31")).build());
    assertEquals(List.of("Idempotency-Key"), unprocessable(reused));
    assertEquals(List.of(first.text("id")), ids(list(fresh.owner())), "one review for one key");
    assertEquals(1, events(first.text("id")).size(), "and one event");
  }

  @Test
  void aUserNoLongerLiveInTheTenantCannotStartAReview() {
    Tenant fresh = api.seedTenant();
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + fresh.id() + "#USER#" + fresh.auditorId()),
            "SK", AttributeValue.fromS("USER")))
        .updateExpression("SET deleted_at = :now")
        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("2026-01-01T00:00:00.000Z"))));

    HandlerResponse refused = create(fresh.auditor(), Q1);
    refused.assertStatus(403);
    assertEquals(List.of("TransactWriteItems"), refused.dynamoCalls(), "the check rides in the create's transaction");
    assertEquals(List.of(), ids(list(fresh.owner())), "nothing was written");

    // A token naming a user the tenant never had is refused the same way.
    HandlerResponse stranger = create(HttpEvents.claims(UUID.randomUUID().toString(), fresh.id(), "auditor"), Q1);
    stranger.assertStatus(403);
  }

  @Test
  void reviewRoutesNeedATenantToken() {
    String review = newReview(acme.auditor(), Q1);
    String platformAdmin = UUID.randomUUID().toString();
    for (var claims : Arrays.asList(null, HttpEvents.platformAdminClaims(platformAdmin))) {
      for (HandlerResponse anonymous : List.of(
          create(claims, Q1),
          list(claims),
          get(claims, review),
          patch(claims, review, null, "{\"findings\":\"Anonymous\"}"))) {
        anonymous.assertStatus(401);
        assertTrue(anonymous.dynamoCalls().isEmpty());
      }
    }
    assertEquals("\"1\"", get(acme.auditor(), review).headers().get("ETag"));
  }

  // ---------------------------------------------------------------- GET /v1/audit-reviews

  @Test
  void listsTheTenantsReviewsNewestFirstInOneQuery() {
    Tenant fresh = api.seedTenant();
    String first = newReview(fresh.auditor(), Q1);
    String second = newReview(fresh.owner(), body("data", "2026-02-01", "2026-02-28"));
    String third = newReview(fresh.admin(), body("access", "2025-01-01", "2025-12-31"));
    String elsewhere = newReview(globex.auditor(), Q1);

    for (var claims : List.of(fresh.auditor(), fresh.owner(), fresh.admin())) {
      HandlerResponse page = list(claims);
      assertEquals(List.of(third, second, first), ids(page));
      assertEquals(List.of("Query"), page.dynamoCalls());
      assertTrue(page.json().path("next_cursor").isNull());
    }
    assertFalse(ids(list(globex.auditor())).contains(first), "another tenant's list shows none of this one's");
    assertTrue(ids(list(globex.auditor())).contains(elsewhere));
  }

  @Test
  void filtersByReviewerAndStatusFollowStatusChanges() {
    Tenant fresh = api.seedTenant();
    String mine = newReview(fresh.auditor(), Q1);
    String mineToo = newReview(fresh.auditor(), body("data", "2026-01-01", "2026-01-31"));
    String owners = newReview(fresh.owner(), Q1);
    patch(fresh.auditor(), mine, null, "{\"status\":\"completed\"}").assertStatus(200);

    HandlerResponse reviewerAndStatus = list(fresh.owner(), "reviewer_id", fresh.auditorId(), "status", "in_progress");
    assertEquals(List.of(mineToo), ids(reviewerAndStatus), "the spec's (reviewer, status) index");
    assertEquals(List.of("Query"), reviewerAndStatus.dynamoCalls());
    assertEquals(List.of(mine), ids(list(fresh.owner(), "reviewer_id", fresh.auditorId(), "status", "completed")));
    assertEquals(List.of(), ids(list(fresh.owner(), "reviewer_id", fresh.auditorId(), "status", "cancelled")));

    HandlerResponse reviewer = list(fresh.auditor(), "reviewer_id", fresh.auditorId());
    assertEquals(List.of(mineToo, mine), ids(reviewer));
    assertEquals(List.of("Query"), reviewer.dynamoCalls());
    HandlerResponse status = list(fresh.auditor(), "status", "in_progress");
    assertEquals(List.of(owners, mineToo), ids(status));
    assertEquals(List.of("Query"), status.dynamoCalls());
    assertEquals(List.of(), ids(list(fresh.auditor(), "reviewer_id", fresh.memberId())));
    assertEquals(List.of(), ids(list(fresh.auditor(), "reviewer_id", UUID.randomUUID().toString())));
  }

  @Test
  void pagingAndBadQueriesOfTheList() {
    Tenant fresh = api.seedTenant();
    List<String> newestFirst = new ArrayList<>();
    for (int month = 1; month <= 5; month++) {
      newestFirst.add(0, newReview(fresh.auditor(), body("security", "2026-0" + month + "-01", "2026-0" + month + "-28")));
    }
    patch(fresh.auditor(), newestFirst.get(1), null, "{\"status\":\"cancelled\"}").assertStatus(200);
    List<String> stillOpen = new ArrayList<>(newestFirst);
    stillOpen.remove(1);

    assertEquals(newestFirst, pageThrough(query -> list(fresh.owner(), query)));
    assertEquals(stillOpen, pageThrough(query -> list(fresh.owner(), query),
        "reviewer_id", fresh.auditorId(), "status", "in_progress"));
    assertEquals(stillOpen, pageThrough(query -> list(fresh.owner(), query), "status", "in_progress"));
    assertEquals(newestFirst, pageThrough(query -> list(fresh.owner(), query), "reviewer_id", fresh.auditorId()));

    for (String status : List.of("done", "IN_PROGRESS", "")) {
      assertEquals(List.of("status"), bad(list(fresh.owner(), "status", status)), status);
    }
    assertEquals(List.of("reviewer_id"), bad(list(fresh.owner(), "reviewer_id", NOT_A_UUID)));
    assertEquals(List.of("limit"), bad(list(fresh.owner(), "limit", "0")));
    assertEquals(List.of("limit"), bad(list(fresh.owner(), "limit", "101")));
    assertEquals(List.of("cursor"), bad(list(fresh.owner(), "cursor", "forged")));
    String cursor = list(fresh.owner(), "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    assertEquals(List.of("cursor"), bad(list(globex.owner(), "cursor", cursor)), "a cursor is bound to its tenant");
    assertEquals(List.of("cursor"), bad(list(fresh.owner(), "status", "in_progress", "cursor", cursor)),
        "and to its filters");
  }

  // ---------------------------------------------------------------- GET /v1/audit-reviews/{review_id}

  @Test
  void anotherTenantsOrUnknownReviewIsNotFound() {
    String theirs = newReview(globex.auditor(), Q1);
    for (String review : List.of(theirs, UUID.randomUUID().toString())) {
      for (HandlerResponse missing : List.of(
          get(acme.owner(), review),
          patch(acme.owner(), review, null, "{\"findings\":\"Ours now\"}"))) {
        missing.assertStatus(404);
        assertEquals(List.of("GetItem"), missing.dynamoCalls());
      }
    }
    HandlerResponse intact = get(globex.auditor(), theirs);
    assertTrue(intact.json().path("findings").isNull());
    assertEquals("\"1\"", intact.headers().get("ETag"));
    assertEquals(List.of("review_id"), bad(get(acme.owner(), NOT_A_UUID)));
    assertEquals(List.of("review_id"), bad(patch(acme.owner(), NOT_A_UUID, null, "{\"findings\":\"F\"}")));
  }

  // ---------------------------------------------------------------- PATCH /v1/audit-reviews/{review_id}

  @Test
  void reviewerRecordsFindingsWithOptimisticLocking() {
    String review = newReview(acme.auditor(), Q1);
    String etag = get(acme.auditor(), review).headers().get("ETag");

    HandlerResponse updated = patch(acme.auditor(), review, etag,
        "{\"findings\":\"MFA off for 3 admins\",\"recommendations\":\"Enforce MFA\",\"review_type\":\"access\","
            + "\"scope_end_date\":\"2026-04-30\"}");
    updated.assertStatus(200);
    assertEquals("MFA off for 3 admins", updated.text("findings"));
    assertEquals("Enforce MFA", updated.text("recommendations"));
    assertEquals("access", updated.text("review_type"));
    assertEquals("2026-04-30", updated.text("scope_end_date"));
    assertEquals("in_progress", updated.text("status"));
    assertTrue(updated.json().path("completed_at").isNull());
    assertEquals("\"2\"", updated.headers().get("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());
    JsonNode event = onlyEvent(review, "audit_review.updated");
    assertTrue(event.path("changes").path("findings").path("old").isNull());
    assertEquals("MFA off for 3 admins", event.path("changes").path("findings").path("new").asText());
    assertFalse(event.path("changes").has("status"), "only what changed");

    HandlerResponse stale = patch(acme.auditor(), review, etag, "{\"findings\":\"Lost update\"}");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());
    HandlerResponse after = get(acme.auditor(), review);
    assertEquals("MFA off for 3 admins", after.text("findings"), "a refused update must change nothing");
    assertEquals("\"2\"", after.headers().get("ETag"));

    HandlerResponse same = patch(acme.auditor(), review, null,
        "{\"findings\":\"MFA off for 3 admins\",\"status\":\"in_progress\"}");
    same.assertStatus(200);
    assertEquals("\"2\"", same.headers().get("ETag"));
    assertEquals(List.of("GetItem"), same.dynamoCalls(), "a change that changes nothing writes nothing");

    HandlerResponse cleared = patch(acme.auditor(), review, "\"2\"", "{\"recommendations\":null}");
    cleared.assertStatus(200);
    assertTrue(cleared.json().path("recommendations").isNull());
    assertEquals(List.of("audit_review.created", "audit_review.updated", "audit_review.updated"), actions(review),
        "one event per change, none for the refused or empty ones");
  }

  @Test
  void completingSetsCompletedAtAndMakesTheReviewFinal() {
    String review = newReview(acme.auditor(), withField(Q1, "findings", "\"Draft\""));
    HandlerResponse completed = patch(acme.auditor(), review, "\"1\"", "{\"status\":\"completed\",\"findings\":\"Final\"}");
    completed.assertStatus(200);
    assertEquals("completed", completed.text("status"));
    assertEquals("Final", completed.text("findings"));
    assertEquals(completed.text("updated_at"), completed.text("completed_at"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), completed.dynamoCalls());
    JsonNode event = onlyEvent(review, "audit_review.completed");
    assertEquals("in_progress", event.path("changes").path("status").path("old").asText());
    assertEquals("Final", event.path("changes").path("findings").path("new").asText());

    Map<String, String> refusals = Map.of(
        "{\"findings\":\"Edited later\"}", "findings",
        "{\"recommendations\":\"Added later\"}", "recommendations",
        "{\"status\":\"in_progress\"}", "status",
        "{\"status\":\"cancelled\",\"findings\":\"Final\"}", "status",
        "{\"findings\":\"Final\",\"scope_start_date\":\"2025-12-01\"}", "scope_start_date",
        "{\"review_type\":\"data\"}", "review_type");
    refusals.forEach((body, field) -> {
      HandlerResponse refused = patch(acme.admin(), review, null, body);
      assertEquals(List.of(field), unprocessable(refused), body);
      assertEquals(List.of("GetItem"), refused.dynamoCalls());
    });

    // A retried completion (same values) is answered, not refused, and writes nothing.
    HandlerResponse retried = patch(acme.auditor(), review, "\"2\"", "{\"status\":\"completed\",\"findings\":\"Final\"}");
    retried.assertStatus(200);
    assertEquals(completed.json(), retried.json());
    assertEquals(List.of("GetItem"), retried.dynamoCalls());
    assertEquals(completed.json(), get(acme.auditor(), review).json());
    assertEquals(List.of("audit_review.created", "audit_review.completed"), actions(review), "nothing after completion");
  }

  @Test
  void cancellingIsFinalAndLeavesCompletedAtEmpty() {
    String review = newReview(acme.auditor(), Q1);
    HandlerResponse cancelled = patch(acme.owner(), review, null, "{\"status\":\"cancelled\"}");
    cancelled.assertStatus(200);
    assertEquals("cancelled", cancelled.text("status"));
    assertTrue(cancelled.json().path("completed_at").isNull());
    onlyEvent(review, "audit_review.cancelled");

    assertEquals(List.of("status"), unprocessable(patch(acme.owner(), review, null, "{\"status\":\"completed\"}")));
    assertEquals(List.of("findings"), unprocessable(patch(acme.auditor(), review, null, "{\"findings\":\"Late\"}")));
    assertEquals("\"2\"", get(acme.auditor(), review).headers().get("ETag"));
  }

  @Test
  void scopeChangesKeepTheEndNotBeforeTheStart() {
    String review = newReview(acme.auditor(), Q1);
    for (String body : List.of(
        "{\"scope_end_date\":\"2025-12-31\"}",
        "{\"scope_start_date\":\"2026-04-01\"}",
        "{\"scope_start_date\":\"2026-06-01\",\"scope_end_date\":\"2026-05-31\"}")) {
      HandlerResponse refused = patch(acme.auditor(), review, null, body);
      assertEquals(List.of("scope_end_date"), unprocessable(refused), body);
      assertEquals(List.of("GetItem"), refused.dynamoCalls());
    }
    HandlerResponse moved = patch(acme.auditor(), review, null,
        "{\"scope_start_date\":\"2026-04-01\",\"scope_end_date\":\"2026-06-30\"}");
    moved.assertStatus(200);
    assertEquals("2026-04-01", moved.text("scope_start_date"));
    assertEquals("2026-06-30", moved.text("scope_end_date"));
    assertEquals("\"2\"", moved.headers().get("ETag"));
  }

  @Test
  void theReviewerOrAnOwnerOrAdminChangesAReviewAnotherAuditorOnlyReadsIt() {
    String review = newReview(acme.auditor(), Q1);
    String colleague = api.seedUser(acme.id(), "auditor");
    var colleagueClaims = HttpEvents.claims(colleague, acme.id(), "auditor");

    HandlerResponse refused = patch(colleagueClaims, review, null, "{\"findings\":\"Not mine to write\"}");
    refused.assertStatus(403);
    assertEquals(List.of("GetItem"), refused.dynamoCalls());
    get(colleagueClaims, review).assertStatus(200);

    patch(acme.admin(), review, null, "{\"findings\":\"Added by the admin\"}").assertStatus(200);
    HandlerResponse byOwner = patch(acme.owner(), review, null, "{\"recommendations\":\"Added by the owner\"}");
    byOwner.assertStatus(200);
    assertEquals("Added by the admin", byOwner.text("findings"));
    assertEquals(acme.auditorId(), byOwner.text("reviewer_id"), "editing does not take the review over");
  }

  @Test
  void badReviewPatchesAre400NamingEachField() {
    String review = newReview(acme.auditor(), Q1);
    var auditor = acme.auditor();
    assertEquals(List.of("body"), bad(patch(auditor, review, null, "{")));
    assertEquals(List.of("body"), bad(patch(auditor, review, null, "{}")));
    assertEquals(List.of("status"), bad(patch(auditor, review, null, "{\"status\":null}")));
    assertEquals(List.of("status"), bad(patch(auditor, review, null, "{\"status\":\"approved\"}")));
    assertEquals(List.of("review_type"), bad(patch(auditor, review, null, "{\"review_type\":null}")));
    assertEquals(List.of("review_type"), bad(patch(auditor, review, null, "{\"review_type\":\"audit\"}")));
    assertEquals(List.of("scope_start_date"), bad(patch(auditor, review, null, "{\"scope_start_date\":null}")));
    assertEquals(List.of("scope_end_date"), bad(patch(auditor, review, null, "{\"scope_end_date\":\"2026-13-01\"}")));
    assertEquals(List.of("findings"), bad(patch(auditor, review, null,
        "{\"findings\":\"" + "f".repeat(10_001) + "\"}")));
    assertEquals(List.of("findings"), bad(patch(auditor, review, null, "{\"findings\":[\"a\"]}")));
    assertEquals(List.of("reviewer_id"), bad(patch(auditor, review, null,
        "{\"reviewer_id\":\"" + acme.ownerId() + "\"}")));
    assertEquals(List.of("completed_at"), bad(patch(auditor, review, null, "{\"completed_at\":\"2026-01-01T00:00:00Z\"}")));
    assertEquals(List.of("If-Match"), bad(patch(auditor, review, "W/1", "{\"findings\":\"F\"}")));
    HandlerResponse after = get(auditor, review);
    assertEquals("\"1\"", after.headers().get("ETag"), "a refused update must change nothing");
    assertTrue(after.json().path("findings").isNull());
  }

  /**
   * A write that lands between a PATCH's read and its write wins: the PATCH's write is conditional
   * on the version it read. Without If-Match the client may simply retry (409); with it, it asked
   * for exactly the version it had (412).
   */
  @Test
  void aChangeBetweenReadAndWriteIsNeverOverwritten() {
    WriteWatch watch = new WriteWatch();
    AuditHandler watched = new AuditHandler(DaggerTestAuditApiComponent.factory()
        .create(api.env.appConfig(), TestInterceptors.of(watch)));
    for (String ifMatch : Arrays.asList(null, "\"1\"")) {
      String review = newReview(acme.auditor(), Q1);
      watch.beforeNextWrite(() -> api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
          .key(Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#AUDIT_REVIEW#" + review),
              "SK", AttributeValue.fromS("AUDIT_REVIEW")))
          .updateExpression("SET findings = :f, version = :v")
          .expressionAttributeValues(Map.of(":f", AttributeValue.fromS("Written meanwhile"),
              ":v", AttributeValue.fromN("2")))));

      HttpEvents.Builder event = HttpEvents.route("PATCH /v1/audit-reviews/{review_id}").claims(acme.auditor())
          .pathParam("review_id", review).body("{\"findings\":\"Written late\"}");
      APIGatewayV2HTTPResponse response = send(watched, ifMatch == null ? event : event.header("If-Match", ifMatch));
      assertEquals(ifMatch == null ? 409 : 412, response.getStatusCode(), response.getBody());
      assertEquals("Written meanwhile", get(acme.auditor(), review).text("findings"));
      assertEquals(List.of(), events(review).stream().filter(e -> e.path("action").asText().endsWith(".updated"))
          .toList(), "no event for a change that did not happen");
    }
  }

  /**
   * The worst case for an event's size: both texts at their limit, every character one that JSON
   * writes as a six-byte escape, both changed at once (the event carries old and new values). It
   * must still fit one EventBridge entry (256 KiB), or the publisher could never deliver it: the
   * outbox carries such long texts as their length and SHA-256 (LongText).
   */
  @Test
  void theLargestChangeStillMakesAnEventThatFitsEventBridge() {
    String worst = "\\u0001".repeat(10_000);
    String review = newReview(acme.auditor(), withField(withField(Q1, "findings", "\"" + worst + "\""),
        "recommendations", "\"" + worst + "\""));
    String other = "\\u0002".repeat(10_000);
    patch(acme.auditor(), review, null, "{\"findings\":\"" + other + "\",\"recommendations\":\"" + other + "\"}")
        .assertStatus(200);

    List<Map<String, AttributeValue>> outbox = outboxItems(review);
    assertEquals(2, outbox.size());
    for (Map<String, AttributeValue> item : outbox) {
      int entryBytes = 14 + utf8(item.get("source").s()) + utf8(item.get("detail_type").s())
          + utf8(item.get("detail").s());
      assertTrue(entryBytes <= 256 * 1024, item.get("detail_type").s() + " is " + entryBytes + " bytes");
    }
    assertTrue(outbox.get(1).get("detail").s().contains("\"sha256\""), "the long texts travel as digests");
  }

  /**
   * The audit function's role denies writes to the audit log's partitions (template.yaml). Every
   * write the review routes make, idempotency record and events included, must be one the role is
   * allowed (IamPolicy evaluates it as IAM would), or it would fail in AWS while passing here; and
   * the role must be denied the log's keys.
   */
  @Test
  void everyWriteOfTheReviewRoutesIsOneTheRoleMayMakeAndNoneTouchesTheLog() {
    TemplateIam iam = new TemplateIam(CloudTemplate.load());
    IamPolicy role = iam.policyOf("AuditFunction");
    String table = iam.arn("CoditectTable");
    TenantId tenant = new TenantId(acme.id());
    for (String logPartition : List.of(AuditKeys.entries(tenant),
        AuditKeys.eventSentinel(tenant, UUID.randomUUID().toString()).partitionKeyValue().s(),
        AuditKeys.byUser(tenant, acme.auditorId()),
        AuditKeys.byResource(tenant, "audit_review", UUID.randomUUID().toString()),
        AuditKeys.byAction(tenant, "audit_review.created"), AuditKeys.bySeverity(tenant, "info"))) {
      for (String action : List.of("dynamodb:PutItem", "dynamodb:UpdateItem")) {
        assertEquals(IamPolicy.Decision.EXPLICIT_DENY, role.evaluate(IamPolicy.Request.dynamoDb(action, table,
            logPartition)), action + " " + logPartition);
      }
    }

    WriteWatch watch = new WriteWatch();
    AuditHandler watched = new AuditHandler(DaggerTestAuditApiComponent.factory()
        .create(api.env.appConfig(), TestInterceptors.of(watch)));
    APIGatewayV2HTTPResponse created = send(watched, HttpEvents.route("POST /v1/audit-reviews").claims(acme.auditor())
        .header("Idempotency-Key", UUID.randomUUID().toString()).body(Q1));
    assertEquals(201, created.getStatusCode(), created.getBody());
    String review = created.getHeaders().get("Location").substring("/v1/audit-reviews/".length());
    for (String body : List.of("{\"findings\":\"F\"}", "{\"status\":\"completed\"}")) {
      APIGatewayV2HTTPResponse changed = send(watched, HttpEvents.route("PATCH /v1/audit-reviews/{review_id}")
          .claims(acme.auditor()).pathParam("review_id", review).body(body));
      assertEquals(200, changed.getStatusCode(), changed.getBody());
    }

    List<String> written = watch.writtenPartitions();
    assertEquals(7, written.size(), "review, event, idempotency record; review, event; review, event: " + written);
    assertTrue(written.contains("T#" + acme.id() + "#AUDIT_REVIEW#" + review), written.toString());
    for (String[] write : watch.writes()) {
      assertTrue(role.allows(IamPolicy.Request.dynamoDb(write[0], table, write[1])), String.join(" ", write));
    }
  }

  /** Sends through a handler other than the harness's; the response must match the OpenAPI document. */
  private static APIGatewayV2HTTPResponse send(AuditHandler handler, HttpEvents.Builder event) {
    APIGatewayV2HTTPEvent built = event.build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(built, null);
    OpenApiContract.load().assertResponse(built.getRouteKey(), response);
    return response;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String body(String type, String start, String end) {
    return "{\"review_type\":\"" + type + "\",\"scope_start_date\":\"" + start + "\",\"scope_end_date\":\"" + end + "\"}";
  }

  /** The object {@code json} with one more field, its value given as JSON. */
  private static String withField(String json, String name, String valueJson) {
    return json.substring(0, json.length() - 1) + ",\"" + name + "\":" + valueJson + "}";
  }

  private String newReview(Map<String, String> claims, String body) {
    HandlerResponse created = create(claims, body);
    created.assertStatus(201);
    return created.text("id");
  }

  private HandlerResponse create(Map<String, String> claims, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/audit-reviews").body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    HttpEvents.Builder event = withClaims(HttpEvents.route("GET /v1/audit-reviews"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String reviewId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/audit-reviews/{review_id}").pathParam("review_id", reviewId),
        claims).build());
  }

  private HandlerResponse patch(Map<String, String> claims, String reviewId, String ifMatch, String body) {
    HttpEvents.Builder event = withClaims(HttpEvents.route("PATCH /v1/audit-reviews/{review_id}")
        .pathParam("review_id", reviewId).body(body), claims);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }

  /** The outbox items about a review, oldest first (a test-only scan). */
  private List<Map<String, AttributeValue>> outboxItems(String reviewId) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())
        .filterExpression("entity_type = :outbox AND contains(detail, :id)")
        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"), ":id", AttributeValue.fromS(reviewId))))
        .items().forEach(found::add);
    found.sort(Comparator.comparing(item -> item.get("PK").s()));
    return found;
  }

  /** The events about a review, oldest first. */
  private List<JsonNode> events(String reviewId) {
    List<JsonNode> events = new ArrayList<>();
    for (Map<String, AttributeValue> item : outboxItems(reviewId)) {
      try {
        JsonNode detail = AuditApi.MAPPER.readTree(item.get("detail").s());
        if (reviewId.equals(detail.path("resource_id").asText())) {
          events.add(detail);
        }
      } catch (Exception e) {
        throw new AssertionError("outbox detail is not JSON: " + item, e);
      }
    }
    return events;
  }

  /** The actions of the events about a review, oldest first. */
  private List<String> actions(String reviewId) {
    return events(reviewId).stream().map(event -> event.path("action").asText()).toList();
  }

  /** The one event of {@code action} about the review; exactly one must exist. */
  private JsonNode onlyEvent(String reviewId, String action) {
    List<JsonNode> matching = events(reviewId).stream().filter(e -> action.equals(e.path("action").asText())).toList();
    assertEquals(1, matching.size(), action + " events of " + reviewId + ": " + matching);
    return matching.get(0);
  }

  /**
   * Watches the handler's DynamoDB client: records the partition key of every item a transaction
   * puts, updates or deletes, and can run a change just before the next transaction leaves (a
   * concurrent writer landing between a request's read and its write).
   */
  static final class WriteWatch implements ExecutionInterceptor {
    private final List<String> written = new ArrayList<>();
    /** Each written part as IAM authorises it: {action, partition key}. */
    private final List<String[]> writes = new ArrayList<>();
    private Runnable beforeNextWrite;

    synchronized void beforeNextWrite(Runnable change) {
      beforeNextWrite = change;
    }

    synchronized List<String> writtenPartitions() {
      return List.copyOf(written);
    }

    synchronized List<String[]> writes() {
      return List.copyOf(writes);
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof TransactWriteItemsRequest transaction)) {
        return;
      }
      for (TransactWriteItem part : transaction.transactItems()) {
        if (part.put() != null) {
          written.add(part.put().item().get("PK").s());
          writes.add(new String[] {"dynamodb:PutItem", part.put().item().get("PK").s()});
        } else if (part.update() != null) {
          written.add(part.update().key().get("PK").s());
          writes.add(new String[] {"dynamodb:UpdateItem", part.update().key().get("PK").s()});
        } else if (part.delete() != null) {
          written.add(part.delete().key().get("PK").s());
          writes.add(new String[] {"dynamodb:DeleteItem", part.delete().key().get("PK").s()});
        } else if (part.conditionCheck() != null) {
          writes.add(new String[] {"dynamodb:ConditionCheckItem", part.conditionCheck().key().get("PK").s()});
        }
      }
      if (beforeNextWrite != null) {
        Runnable change = beforeNextWrite;
        beforeNextWrite = null;
        change.run();
      }
    }
  }
}
