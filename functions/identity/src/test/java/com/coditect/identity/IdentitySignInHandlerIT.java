package com.coditect.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The Cognito post-authentication trigger on moto, fed events shaped as Cognito sends them: one
 * {@code user.login} outbox item per sign-in of a tenant's user, the event handed back as it came.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentitySignInHandlerIT {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private AwsTestEnvironment env;
  private final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  private IdentitySignInHandler handler;

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create("identity-sign-in");
    handler = new IdentitySignInHandler(DaggerTestSignInComponent.factory().create(env.appConfig(), TestInterceptors.of(calls)));
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aTenantUsersSignInIsOneUserLoginOutboxItemAndTheEventGoesBackUnchanged() {
    String tenant = Ids.newId();
    String user = Ids.newId();
    Map<String, Object> event = cognitoEvent(user, Map.of("custom:tenant_id", tenant, "custom:user_id", user,
        "custom:role", "member", "email", "ann@example.com"));
    Map<String, Object> sent = copy(event);

    calls.reset();
    Map<String, Object> returned = handler.handleRequest(event, null);

    assertSame(event, returned);
    assertEquals(sent, returned, "Cognito gets back the event it sent");
    assertEquals(List.of("PutItem"), calls.operations(), "one item, written on its own");
    List<JsonNode> events = outboxEvents(tenant);
    assertEquals(1, events.size());
    JsonNode login = events.get(0);
    assertEquals("user.login", login.path("action").asText());
    assertEquals("coditect.identity", login.path("source").asText());
    assertEquals(tenant, login.path("tenant_id").asText());
    assertEquals("user", login.path("resource_type").asText());
    assertEquals(user, login.path("resource_id").asText());
    assertEquals(user, login.path("actor").path("user_id").asText());
    assertTrue(login.path("actor").path("ip").isNull(), "Cognito's event carries no ip");
    assertTrue(login.path("request").path("method").isNull(), "no request of ours made the sign-in");
  }

  @Test
  void withoutCustomUserIdTheUsernameIsTheUser() {
    String tenant = Ids.newId();
    String user = Ids.newId();
    handler.handleRequest(cognitoEvent(user, Map.of("custom:tenant_id", tenant)), null);
    List<JsonNode> events = outboxEvents(tenant);
    assertEquals(1, events.size());
    assertEquals(user, events.get(0).path("actor").path("user_id").asText());
  }

  @Test
  void aPlatformAdministratorWithoutATenantIsNotAuditedAndStillSignsIn() {
    Map<String, Object> event = cognitoEvent("platform-admin", Map.of("custom:tenant_id", "",
        "custom:platform_admin", "true"));
    Map<String, Object> sent = copy(event);
    calls.reset();
    assertEquals(sent, handler.handleRequest(event, null));
    assertTrue(calls.operations().isEmpty(), "nothing written");
  }

  @Test
  void aSignInWhoseEventCannotBeWrittenFails() {
    AppConfig broken = new AppConfig(AwsTestEnvironment.REGION, "no-such-table", "", "unused",
        env.appConfig().cursorKeySecret(), env.appConfig().awsEndpoint());
    IdentitySignInHandler withoutTable = new IdentitySignInHandler(
        DaggerTestSignInComponent.factory().create(broken, TestInterceptors.none()));
    String tenant = Ids.newId();
    assertThrows(ResourceNotFoundException.class, () -> withoutTable.handleRequest(
        cognitoEvent(Ids.newId(), Map.of("custom:tenant_id", tenant)), null));
  }

  // ---------------------------------------------------------------- helpers

  /** A post-authentication event as Cognito sends it (parsed from JSON, as Lambda's runtime does). */
  private static Map<String, Object> cognitoEvent(String userName, Map<String, String> attributes) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("triggerSource", "PostAuthentication_Authentication");
    event.put("region", "us-east-1");
    event.put("userPoolId", "us-east-1_example");
    event.put("userName", userName);
    event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", "example-client"));
    Map<String, Object> userAttributes = new LinkedHashMap<>(attributes);
    userAttributes.put("sub", "8f3c1a52-0000-4000-8000-000000000000");
    event.put("request", Map.of("userAttributes", userAttributes, "newDeviceUsed", false));
    event.put("response", Map.of());
    return copy(event);
  }

  private static Map<String, Object> copy(Map<String, Object> event) {
    return MAPPER.convertValue(event, new TypeReference<>() {});
  }

  /** The details of the tenant's outbox items (a test may scan its own table). */
  private List<JsonNode> outboxEvents(String tenant) {
    return env.dynamoDb().scan(s -> s.tableName(env.tableName()).consistentRead(true)
            .filterExpression("begins_with(PK, :outbox)")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("T#" + tenant + "#OUTBOX#"))))
        .items().stream().map(item -> Json.readTree(item.get("detail").s())).toList();
  }
}
