package com.coditect.dms;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.S3CallCounter;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Function;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The DMS function on moto, driven with real HTTP API v2 events. Every response is checked against
 * the OpenAPI document, and every call's DynamoDB requests are counted. Tenants, users and projects
 * belong to the tenancy function: {@code env.seedTenant} writes them as tenancy stores them.
 */
final class DmsApi implements AutoCloseable {

  static final ObjectMapper MAPPER = Json.newMapper();

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  /** The S3 calls the function made, apart from its DynamoDB calls. */
  final S3CallCounter s3Calls = new S3CallCounter();
  final TestDmsComponent component;
  final DmsHandler handler;
  private final ContractClient client;

  DmsApi(String name) {
    this(name, null);
  }

  /**
   * The DMS function whose DynamoDB client also carries {@code interceptor} (null: none), e.g. a
   * {@link com.coditect.testing.WriteUnitMeter}, built from the environment it gets.
   */
  DmsApi(String name, Function<AwsTestEnvironment, ExecutionInterceptor> interceptor) {
    env = AwsTestEnvironment.create(name);
    TestInterceptors added = interceptor == null ? TestInterceptors.of(calls, s3Calls)
        : TestInterceptors.of(calls, s3Calls, interceptor.apply(env));
    component = DaggerTestDmsComponent.factory().create(env.appConfig(), added);
    handler = new DmsHandler(component);
    client = new ContractClient(handler, calls);
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  @Override
  public void close() {
    env.close();
  }
}
