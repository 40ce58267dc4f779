package com.coditect.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import java.util.Map;

/**
 * The billing function on moto, driven with real HTTP API v2 events. Every response is checked
 * against the OpenAPI document, and every call's DynamoDB requests are counted.
 */
final class BillingApi implements AutoCloseable {

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  final TestBillingComponent component;
  final BillingHandler handler;
  private final ContractClient client;

  BillingApi(String name) {
    env = AwsTestEnvironment.create(name);
    component = DaggerTestBillingComponent.factory().create(env.appConfig(), StripeMock.config(), TestInterceptors.of(calls));
    handler = component.handler();
    client = new ContractClient(handler, calls);
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  /** The claims of a new live user of the tenant with the billing role. */
  Map<String, String> billingUser(SeededTenant tenant) {
    return HttpEvents.claims(env.seedUser(tenant.id(), "billing"), tenant.id(), "billing");
  }

  @Override
  public void close() {
    env.close();
  }
}
