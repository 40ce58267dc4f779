package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.TestComponentFactory;
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
 * belong to the tenancy function: {@code env.seedTenant} writes them as tenancy stores them.
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
    this(name, (Function<AwsTestEnvironment, ExecutionInterceptor>) null);
  }

  /**
   * The workflows function whose DynamoDB client also carries {@code interceptor} (null: none), e.g. a
   * {@link com.coditect.testing.WriteUnitMeter}, built from the environment it gets.
   */
  WorkflowsApi(String name, Function<AwsTestEnvironment, ExecutionInterceptor> interceptor) {
    this(name, interceptor, DaggerTestWorkflowsComponent.factory());
  }

  /** The workflows functions wired by {@code wiring}, e.g. with a clock the test moves. */
  WorkflowsApi(String name, TestComponentFactory<? extends TestWorkflowsComponent> wiring) {
    this(name, null, wiring);
  }

  private WorkflowsApi(String name, Function<AwsTestEnvironment, ExecutionInterceptor> interceptor,
      TestComponentFactory<? extends TestWorkflowsComponent> wiring) {
    env = AwsTestEnvironment.create(name);
    scheduler = AwsTestEnvironment.onMoto(SchedulerClient.builder()).build();
    TestInterceptors added = interceptor == null ? TestInterceptors.of(calls)
        : TestInterceptors.of(calls, interceptor.apply(env));
    component = wiring.create(env.appConfig(), added);
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
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  @Override
  public void close() {
    scheduler.close();
    env.close();
  }
}
