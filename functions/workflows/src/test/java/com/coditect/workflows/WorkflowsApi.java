package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * The workflows API on moto, driven with real HTTP API v2 events. Every response is checked against
 * the OpenAPI document, and every call's DynamoDB requests are counted. Tenants, users and projects
 * belong to the tenancy function: {@link #seedTenant} writes them as tenancy stores them.
 */
final class WorkflowsApi implements AutoCloseable {

  static final ObjectMapper MAPPER = Json.newMapper();

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  final TestWorkflowsComponent component;
  /** The test's own Scheduler client (the function's is the component's). */
  final SchedulerClient scheduler;
  final WorkflowsHandler handler;
  private final ContractClient client;

  WorkflowsApi(String name) {
    this(name, null);
  }

  /**
   * The workflows function whose DynamoDB client also carries {@code interceptor} (null: none), e.g. a
   * {@link com.coditect.testing.WriteUnitMeter}, built from the environment it gets.
   */
  WorkflowsApi(String name, Function<AwsTestEnvironment, ExecutionInterceptor> interceptor) {
    env = AwsTestEnvironment.create(name);
    scheduler = AwsTestEnvironment.onMoto(SchedulerClient.builder()).build();
    TestInterceptors added = interceptor == null ? TestInterceptors.of(calls)
        : TestInterceptors.of(calls, interceptor.apply(env));
    component = DaggerTestWorkflowsComponent.factory().create(env.appConfig(), added);
    handler = new WorkflowsHandler(component);
    client = new ContractClient(handler, calls);
    ensureScheduleGroup();
  }

  /**
   * The workflows' schedule group, as the template makes it (moto keeps one only while it runs, and
   * refuses schedules in a group it does not have).
   */
  private void ensureScheduleGroup() {
    String group = WorkflowsConfig.fromEnvironment().scheduleGroup();
    try {
      scheduler.createScheduleGroup(b -> b.name(group));
    } catch (ConflictException exists) {
      // made by an earlier test class on this moto
    }
  }

  /** The workflows' schedule named {@code name}, if it exists. */
  Optional<GetScheduleResponse> schedule(String name) {
    try {
      return Optional.of(scheduler.getSchedule(b -> b.groupName(
          WorkflowsConfig.fromEnvironment().scheduleGroup()).name(name)));
    } catch (ResourceNotFoundException gone) {
      return Optional.empty();
    }
  }

  /** The item at {@code pk}/{@code sk}, as stored (empty when absent). */
  Map<String, AttributeValue> item(String pk, String sk) {
    return env.dynamoDb().getItem(b -> b.tableName(env.tableName())
        .key(Map.of("PK", s(pk), "SK", s(sk)))).item();
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  /**
   * A tenant with a user of each role and one project (key {@code projectKey}), written as the
   * tenancy function writes them.
   */
  Tenant seedTenant(String projectKey) {
    String tenantId = Ids.newId();
    Tenant tenant = new Tenant(tenantId, seedUser(tenantId, "owner"), seedUser(tenantId, "admin"),
        seedUser(tenantId, "member"), seedUser(tenantId, "viewer"), null);
    return tenant.withProject(seedProject(tenant, projectKey));
  }

  /** Another live project of the tenant, owned by its owner. */
  String seedProject(Tenant tenant, String key) {
    String projectId = Ids.newId();
    put(Map.of(
        "PK", s("T#" + tenant.id() + "#PROJECT#" + projectId), "SK", s("PROJECT"), "entity_type", s("PROJECT"),
        "id", s(projectId), "key", s(key), "name", s("Project " + key), "status", s("active"),
        "owner_id", s(tenant.ownerId()), "version", AttributeValue.fromN("1")));
    return projectId;
  }

  /** A live user of the tenant. */
  String seedUser(String tenantId, String role) {
    return env.seedUser(tenantId, role);
  }


  /** Marks a seeded item deleted, as tenancy's soft delete does. */
  void softDelete(String pk, String sk) {
    env.dynamoDb().updateItem(b -> b.tableName(env.tableName())
        .key(Map.of("PK", s(pk), "SK", s(sk)))
        .updateExpression("SET deleted_at = :now")
        .expressionAttributeValues(Map.of(":now", s("2026-01-01T00:00:00.000Z"))));
  }

  private void put(Map<String, AttributeValue> item) {
    env.dynamoDb().putItem(b -> b.tableName(env.tableName()).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  @Override
  public void close() {
    scheduler.close();
    env.close();
  }

  /** A seeded tenant: its users by role and a project. */
  record Tenant(String id, String ownerId, String adminId, String memberId, String viewerId, String projectId) {
    Tenant withProject(String projectId) {
      return new Tenant(id, ownerId, adminId, memberId, viewerId, projectId);
    }

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
  }
}
