package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.store.Ids;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.domain.WebhookSignature;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v1/hooks/workflows/{workflow_id}} on moto: a call signed with the workflow's secret
 * asks for an execution (202, {@code execution.requested} with the body as context and trigger
 * data); a forged, stale, replayed or unsigned call, or one for an unknown workflow, is the same 401
 * and asks for nothing; a signed call for a workflow that cannot start is 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRoutesIT {

  private static final String ROUTE = "POST /v1/hooks/workflows/{workflow_id}";
  private static final String WEBHOOK = "[{\"type\":\"manual\"},{\"type\":\"webhook\"}]";
  private static final String SECRET = "whsec_3f9a1c";

  private WorkflowsApi api;
  private TriggerSeeds seeds;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("webhooks");
    seeds = new TriggerSeeds(api);
    acme = api.env.seedTenant("HOOK");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private String hookedWorkflow(WorkflowStatus status, String triggers) {
    String id = seeds.workflow(acme.id(), status, triggers);
    seeds.webhook(acme.id(), id, SECRET, null, null);
    return id;
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private HandlerResponse send(String workflowId, String body, Long timestamp, String signature) {
    HttpEvents.Builder event = HttpEvents.route(ROUTE).pathParam("workflow_id", workflowId).body(body);
    if (timestamp != null) {
      event.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    }
    if (signature != null) {
      event.header(WebhookSignature.SIGNATURE_HEADER, signature);
    }
    return api.call(event.build());
  }

  private HandlerResponse signed(String workflowId, String body, String secret) {
    long ts = now();
    return send(workflowId, body, ts, WebhookSignature.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSignedCallAsksForAnExecutionWithTheBodyAsContextInThreeCalls() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    String body = "{\"order_id\":\"A-1042\",\"amount_cents\":129900,\"lines\":[{\"sku\":\"X\"}]}";
    HandlerResponse accepted = signed(workflow, body, SECRET);
    accepted.assertStatus(202);
    String executionId = accepted.text("execution_id");
    assertNotNull(executionId);
    assertEquals(List.of("GetItem", "BatchGetItem", "TransactWriteItems"), accepted.dynamoCalls());

    List<JsonNode> requested = seeds.requested(workflow);
    assertEquals(1, requested.size());
    JsonNode event = requested.get(0);
    assertEquals("coditect.workflows", event.path("source").asText());
    assertEquals(acme.id(), event.path("tenant_id").asText());
    assertEquals("execution", event.path("resource_type").asText());
    assertEquals(executionId, event.path("resource_id").asText());
    assertEquals("webhook", event.path("trigger_type").asText());
    assertTrue(event.path("triggered_by").isNull());
    assertEquals(129900, event.path("context_data").path("amount_cents").asInt(), "numbers stay numbers");
    assertEquals("X", event.path("context_data").path("lines").path(0).path("sku").asText());
    assertEquals(event.path("context_data"), event.path("trigger_data"));
    assertTrue(event.path("actor").path("user_id").isNull(), "the sender is nobody the tenant knows");
    assertEquals("/v1/hooks/workflows/{workflow_id}", event.path("request").path("path").asText(),
        "the route, not the path, is recorded");
  }

  @Test
  void theSameSignedCallTwiceIsAReplayAndAsksForNothingMore() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    String body = "{\"n\":1}";
    long ts = now();
    String signature = WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8));
    send(workflow, body, ts, signature).assertStatus(202);
    HandlerResponse replay = send(workflow, body, ts, signature);
    replay.assertStatus(401);
    assertEquals(1, seeds.requested(workflow).size());
    // The same content signed a second later is a new call.
    send(workflow, body, ts + 1, WebhookSignature.sign(SECRET, ts + 1, body.getBytes(StandardCharsets.UTF_8)))
        .assertStatus(202);
    assertEquals(2, seeds.requested(workflow).size());
  }

  @Test
  void forgedStaleUnsignedAndUnknownCallsAreTheSame401AndAskForNothing() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    String body = "{\"n\":2}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long ts = now();
    List<HandlerResponse> refused = List.of(
        signed(workflow, body, "whsec_guessed"),
        // Well beyond the tolerance (its exact bounds are WebhookSignatureTest's): the calls before take time.
        send(workflow, body, ts - 360, WebhookSignature.sign(SECRET, ts - 360, bytes)),
        send(workflow, body, ts + 360, WebhookSignature.sign(SECRET, ts + 360, bytes)),
        send(workflow, body, null, WebhookSignature.sign(SECRET, ts, bytes)),
        send(workflow, body, ts, null),
        send(workflow, "{\"n\":3}", ts, WebhookSignature.sign(SECRET, ts, bytes)),
        signed(Ids.newId(), body, SECRET),
        signed("not-a-workflow-id", body, SECRET));
    for (HandlerResponse response : refused) {
      response.assertStatus(401);
      assertEquals(refused.get(0).json().path("detail"), response.json().path("detail"), "no call tells which check");
    }
    assertEquals(List.of(), seeds.requested(workflow));
  }

  @Test
  void anotherTenantsWorkflowIsReachedOnlyWithItsOwnSecret() {
    SeededTenant other = api.env.seedTenant("OTHR");
    String theirs = seeds.workflow(other.id(), WorkflowStatus.ACTIVE, WEBHOOK);
    seeds.webhook(other.id(), theirs, "whsec_theirs", null, null);
    signed(theirs, "{}", SECRET).assertStatus(401);
    HandlerResponse accepted = signed(theirs, "{}", "whsec_theirs");
    accepted.assertStatus(202);
    assertEquals(other.id(), seeds.requested(theirs).get(0).path("tenant_id").asText());
  }

  @Test
  void thePreviousSecretWorksUntilItExpires() {
    String rotated = seeds.workflow(acme.id(), WorkflowStatus.ACTIVE, WEBHOOK);
    seeds.webhook(acme.id(), rotated, "whsec_new", "whsec_old", Instant.now().plusSeconds(3600).toString());
    signed(rotated, "{\"via\":\"old\"}", "whsec_old").assertStatus(202);
    signed(rotated, "{\"via\":\"new\"}", "whsec_new").assertStatus(202);

    String expired = seeds.workflow(acme.id(), WorkflowStatus.ACTIVE, WEBHOOK);
    seeds.webhook(acme.id(), expired, "whsec_new", "whsec_old", Instant.now().minusSeconds(1).toString());
    signed(expired, "{\"via\":\"old\"}", "whsec_old").assertStatus(401);
    signed(expired, "{\"via\":\"new\"}", "whsec_new").assertStatus(202);
  }

  @Test
  void aSignedCallForAWorkflowThatIsNotActiveOrHasNoWebhookTriggerIs409() {
    for (WorkflowStatus status : List.of(WorkflowStatus.DRAFT, WorkflowStatus.PAUSED, WorkflowStatus.ARCHIVED)) {
      String workflow = hookedWorkflow(status, WEBHOOK);
      HandlerResponse refused = signed(workflow, "{}", SECRET);
      refused.assertStatus(409);
      assertEquals(List.of("workflow_id"), refused.errorFields());
      assertEquals(List.of(), seeds.requested(workflow));
    }
    String manualOnly = hookedWorkflow(WorkflowStatus.ACTIVE, "[{\"type\":\"manual\"}]");
    signed(manualOnly, "{}", SECRET).assertStatus(409);
    assertEquals(List.of(), seeds.requested(manualOnly));
  }

  @Test
  void aSignedBodyThatIsNoJsonObjectIs400NamingTheBody() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    for (String body : List.of("[1,2]", "\"text\"", "{\"unclosed\":")) {
      HandlerResponse bad = signed(workflow, body, SECRET);
      bad.assertStatus(400);
      assertEquals(List.of("body"), bad.errorFields());
    }
    assertEquals(List.of(), seeds.requested(workflow));
  }

  @Test
  void aBodyOver64KbIs413BeforeAnythingIsRead() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    String body = "{\"blob\":\"" + "x".repeat(64 * 1024) + "\"}";
    HandlerResponse tooLarge = signed(workflow, body, SECRET);
    tooLarge.assertStatus(413);
    assertEquals(List.of("body"), tooLarge.errorFields());
    assertEquals(List.of(), tooLarge.dynamoCalls());
    assertEquals(List.of(), seeds.requested(workflow));
  }

  @Test
  void theRouteIsPublicATokenIsNeitherNeededNorUsed() {
    String workflow = hookedWorkflow(WorkflowStatus.ACTIVE, WEBHOOK);
    String body = "{}";
    long ts = now();
    APIGatewayV2HTTPEvent withClaims = HttpEvents.route(ROUTE).pathParam("workflow_id", workflow).body(body)
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)))
        .claims(acme.viewer()).build();
    api.call(withClaims).assertStatus(202);
  }
}
