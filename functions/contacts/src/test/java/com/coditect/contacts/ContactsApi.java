package com.coditect.contacts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.MotoServer;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The contacts function on moto, driven with real HTTP API v2 events. Every response is checked
 * against the OpenAPI document, and every call's DynamoDB requests are counted. Codes go through
 * moto's SES and SNS, read back from what moto kept ({@link #sentTo}).
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

  /** The bodies of the e-mails (channel "email") or SMS ("sms") moto was given for {@code to}, oldest first. */
  static List<String> sentTo(String channel, String to) {
    JsonNode sent = sentMessages();
    List<String> bodies = new ArrayList<>();
    if ("sms".equals(channel)) {
      sent.path("sms").forEach(sms -> {
        if (to.equals(sms.path("phone_number").asText())) {
          bodies.add(sms.path("message").asText());
        }
      });
    } else {
      sent.path("emails").forEach(email -> {
        boolean addressed = StreamSupport.stream(email.path("destinations").path("ToAddresses").spliterator(), false)
            .anyMatch(address -> to.equals(address.asText()));
        if (addressed) {
          bodies.add(email.path("body").asText());
        }
      });
    }
    return bodies;
  }

  /** The six-digit code in the newest message to {@code to}. */
  static String lastCode(String channel, String to) {
    List<String> bodies = sentTo(channel, to);
    if (bodies.isEmpty()) {
      throw new AssertionError("nothing was sent to " + to);
    }
    Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(bodies.get(bodies.size() - 1));
    if (!code.find()) {
      throw new AssertionError("no code in " + bodies.get(bodies.size() - 1));
    }
    return code.group(1);
  }

  private static JsonNode sentMessages() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(MotoServer.endpoint() + "/moto-api/coditect/sent-messages")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("moto's sent messages: HTTP " + response.statusCode());
      }
      return Json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
