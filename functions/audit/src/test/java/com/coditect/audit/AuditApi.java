package com.coditect.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.audit.domain.AuditLogWriter;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The audit API on moto, driven with real HTTP API v2 events. Every response is checked against
 * the OpenAPI document, and every call's DynamoDB requests are counted. Entries are made by the
 * real ingest ({@link #record}), as the bus would deliver events to it.
 */
final class AuditApi implements AutoCloseable {

  static final ObjectMapper MAPPER = Json.newMapper();

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  final TestAuditApiComponent component;
  final AuditHandler handler;
  private final ContractClient client;
  final AuditLogWriter ingest;
  /** The ingest's clock: set it back to write entries as if long ago. */
  final TestClock ingestClock = new TestClock();
  private S3Client s3;

  AuditApi(String name) {
    env = AwsTestEnvironment.create(name);
    component = DaggerTestAuditApiComponent.factory().create(env.appConfig(), TestInterceptors.of(calls));
    handler = new AuditHandler(component);
    client = new ContractClient(handler, calls);
    // Not counted: the entries a test makes are not calls of the route it checks.
    ingest = DaggerTestAuditComponent.factory().create(env.appConfig(),
        new AuditConfig(AwsTestEnvironment.secret("test-pseudonym-key")), TestInterceptors.none(), ingestClock)
        .auditLog();
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  /** A tenant with a live user of each role, written as the tenancy function writes them. */
  Tenant seedTenant() {
    String tenantId = Ids.newId();
    return new Tenant(tenantId, seedUser(tenantId, "owner"), seedUser(tenantId, "admin"),
        seedUser(tenantId, "member"), seedUser(tenantId, "viewer"), seedUser(tenantId, "auditor"));
  }

  /** A live user of the tenant. */
  String seedUser(String tenantId, String role) {
    return env.seedUser(tenantId, role);
  }


  /** Delivers one domain event to the ingest, as the bus does; returns its event id. */
  String record(String tenantId, String userId, String action, String resourceType, String resourceId) {
    return record(tenantId, userId, action, resourceType, resourceId, Map.of("name", Map.of("old", "a", "new", "b")));
  }

  /** As {@link #record(String, String, String, String, String)}, with the event's field changes. */
  String record(String tenantId, String userId, String action, String resourceType, String resourceId,
      Map<String, Object> changes) {
    String eventId = Ids.newId();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", eventId);
    detail.put("tenant_id", tenantId);
    detail.put("source", "coditect.pm");
    Map<String, Object> actor = new LinkedHashMap<>();
    actor.put("user_id", userId);
    actor.put("ip", "198.51.100.4");
    actor.put("user_agent", "test-agent/1");
    detail.put("actor", actor);
    detail.put("request", Map.of("method", "PATCH", "path", "/v1/" + resourceType + "s/" + resourceId));
    detail.put("action", action);
    detail.put("resource_type", resourceType);
    detail.put("resource_id", resourceId);
    detail.put("changes", changes);
    detail.put("occurred_at", "2026-11-25T10:00:00.000Z");
    ingest.record(MAPPER.valueToTree(detail), "coditect.pm");
    return eventId;
  }

  /** An S3 client on moto, with the documents bucket made (once per moto, shared by the test classes). */
  S3Client s3() {
    if (s3 == null) {
      s3 = AwsTestEnvironment.documentsBucket();
    }
    return s3;
  }

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
    env.close();
  }

  /** A seeded tenant: its users by role. */
  record Tenant(String id, String ownerId, String adminId, String memberId, String viewerId, String auditorId) {
    Map<String, String> owner() {
      return HttpEvents.claims(ownerId, id, "owner");
    }

    Map<String, String> admin() {
      return HttpEvents.claims(adminId, id, "admin");
    }

    Map<String, String> member() {
      return HttpEvents.claims(memberId, id, "member");
    }

    Map<String, String> viewer() {
      return HttpEvents.claims(viewerId, id, "viewer");
    }

    Map<String, String> auditor() {
      return HttpEvents.claims(auditorId, id, "auditor");
    }
  }
}
