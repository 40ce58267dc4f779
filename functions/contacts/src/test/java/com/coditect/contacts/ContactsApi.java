package com.coditect.contacts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.SentCodes;
import com.coditect.testing.TestInterceptors;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The contacts function on moto, driven with real HTTP API v2 events. Every response is checked
 * against the OpenAPI document, and every call's DynamoDB requests are counted. Codes go through
 * moto's SES and SNS, read back from what moto kept ({@link SentCodes}).
 */
final class ContactsApi implements AutoCloseable {

  static final String SENDER = "no-reply@coditect.example";

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  final TestContactsComponent component;
  final ContactsHandler handler;
  private final ContractClient client;

  ContactsApi(String name) {
    env = AwsTestEnvironment.create(name);
    // SES sends only from a verified identity; the stack creates its sender (VerificationEmailIdentity).
    try (SesV2Client ses = AwsTestEnvironment.onMoto(SesV2Client.builder()).build()) {
      ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
    }
    component = DaggerTestContactsComponent.factory().create(env.appConfig(), config(), TestInterceptors.of(calls));
    handler = component.handler();
    client = new ContractClient(handler, calls);
  }

  static ContactsConfig config() {
    return new ContactsConfig(SENDER, false);
  }

  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  /** The tenant's own item, as tenancy writes it (the tests' seeded tenants have users only). */
  void seedTenantItem(SeededTenant tenant) {
    env.dynamoDb().putItem(b -> b.tableName(env.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant.id()), "SK", AttributeValue.fromS("TENANT"),
        "entity_type", AttributeValue.fromS("TENANT"), "id", AttributeValue.fromS(tenant.id()),
        "name", AttributeValue.fromS("Tenant"), "version", AttributeValue.fromN("1"))));
  }

  /** An order of the tenant, as commerce stores one (only its key matters here); returns its id. */
  String seedOrder(SeededTenant tenant) {
    String id = Ids.newId();
    env.dynamoDb().putItem(b -> b.tableName(env.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant.id() + "#ORDER#" + id), "SK", AttributeValue.fromS("ORDER"),
        "entity_type", AttributeValue.fromS("ORDER"), "id", AttributeValue.fromS(id),
        "version", AttributeValue.fromN("1"))));
    return id;
  }

  /** An attribute of a stored item (the owner's phone_number), or null. */
  String attribute(String pk, String sk, String name) {
    Map<String, AttributeValue> item = env.dynamoDb().getItem(b -> b.tableName(env.tableName())
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk))).consistentRead(true)).item();
    AttributeValue value = item == null ? null : item.get(name);
    return value == null ? null : value.s() != null ? value.s() : value.n();
  }

  /** The six-digit code in the newest message to {@code to} ({@code sms}: an E.164 number; else an address). */
  static String lastCode(String channel, String to) {
    return SentCodes.newestCode("sms".equals(channel) ? SentCodes.smsTo(to) : SentCodes.emailsTo(to));
  }

  /** The SMS moto was given for {@code e164}, oldest first. */
  static List<String> sentTo(String e164) {
    return SentCodes.smsTo(e164);
  }

  /** The claims of a caller. */
  static Map<String, String> claims(SeededTenant tenant, String userId, String role) {
    return HttpEvents.claims(userId, tenant.id(), role);
  }

  @Override
  public void close() {
    env.close();
  }
}
