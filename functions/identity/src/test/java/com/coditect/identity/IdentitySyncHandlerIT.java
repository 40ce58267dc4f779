package com.coditect.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.json.Json;
import com.coditect.testing.MotoServer;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/** User events from the bus reach the Cognito user pool (moto's). */
class IdentitySyncHandlerIT {

  private static final String TENANT = "01a2143c-7fe5-71e4-a367-c61cd85d6aaa";
  private CognitoIdentityProviderClient cognito;
  private String pool;
  private IdentitySyncHandler handler;

  @BeforeEach
  void start() {
    cognito = CognitoIdentityProviderClient.builder()
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(MotoServer.endpoint())
        .build();
    pool = cognito.createUserPool(r -> r.poolName("identity-" + UUID.randomUUID())
        .aliasAttributes(AliasAttributeType.EMAIL)
        .schema(custom("tenant_id"), custom("role"), custom("platform_admin"), custom("user_id")))
        .userPool().id();
    AppConfig config = new AppConfig("us-east-1", "unused", "", "unused", "unused",
        Optional.of(MotoServer.endpoint()));
    handler = new IdentitySyncHandler(DaggerIdentityComponent.factory().create(config, new CognitoConfig(pool)));
  }

  @AfterEach
  void stop() {
    cognito.deleteUserPool(r -> r.userPoolId(pool));
  }

  private static SchemaAttributeType custom(String name) {
    return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING).mutable(true).build();
  }

  private static Map<String, Object> event(String action, String userId, String changesJson) {
    String json = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"" + action
        + "\",\"source\":\"coditect.tenancy\",\"detail\":{\"event_id\":\"" + UUID.randomUUID()
        + "\",\"tenant_id\":\"" + TENANT + "\",\"action\":\"" + action + "\",\"resource_type\":\"user\","
        + "\"resource_id\":\"" + userId + "\",\"changes\":" + changesJson + "}}";
    try {
      return Json.newMapper().readValue(json, new TypeReference<>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> attributes(String userId) {
    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool).username(userId));
    return user.userAttributes().stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private static final String CREATED = "{\"email\":{\"old\":null,\"new\":\"ada@acme.example\"},"
      + "\"name\":{\"old\":null,\"new\":\"Ada\"},\"role\":{\"old\":null,\"new\":\"member\"}}";

  @Test
  void anInvitedUserGetsASignInCarryingTenantRoleAndUserId() {
    String userId = UUID.randomUUID().toString();
    handler.handleRequest(event("user.created", userId, CREATED), null);

    Map<String, String> attributes = attributes(userId);
    assertEquals("ada@acme.example", attributes.get("email"));
    assertEquals(TENANT, attributes.get("custom:tenant_id"));
    assertEquals("member", attributes.get("custom:role"));
    assertEquals(userId, attributes.get("custom:user_id"));
    assertEquals("false", attributes.get("custom:platform_admin"));
  }

  @Test
  void aRedeliveredCreateChangesNothing() {
    String userId = UUID.randomUUID().toString();
    handler.handleRequest(event("user.created", userId, CREATED), null);
    handler.handleRequest(event("user.created", userId, CREATED), null);
    assertEquals("member", attributes(userId).get("custom:role"));
  }

  @Test
  void roleChangesReachTheNextToken() {
    String userId = UUID.randomUUID().toString();
    handler.handleRequest(event("user.created", userId, CREATED), null);
    handler.handleRequest(event("user.role_changed", userId, "{\"role\":{\"old\":\"member\",\"new\":\"admin\"}}"), null);
    assertEquals("admin", attributes(userId).get("custom:role"));
  }

  @Test
  void disablingOrDeletingAUserDisablesTheSignIn() {
    String disabled = UUID.randomUUID().toString();
    handler.handleRequest(event("user.created", disabled, CREATED), null);
    handler.handleRequest(event("user.updated", disabled, "{\"status\":{\"old\":\"active\",\"new\":\"disabled\"}}"),
        null);
    assertFalse(cognito.adminGetUser(r -> r.userPoolId(pool).username(disabled)).enabled());
    handler.handleRequest(event("user.updated", disabled, "{\"status\":{\"old\":\"disabled\",\"new\":\"active\"}}"),
        null);
    assertTrue(cognito.adminGetUser(r -> r.userPoolId(pool).username(disabled)).enabled());

    String deleted = UUID.randomUUID().toString();
    handler.handleRequest(event("user.created", deleted, CREATED.replace("ada@", "bob@")), null);
    handler.handleRequest(event("user.deleted", deleted, "{\"deleted_at\":{\"old\":null,\"new\":\"2026-11-25T00:00:00.000Z\"}}"),
        null);
    assertFalse(cognito.adminGetUser(r -> r.userPoolId(pool).username(deleted)).enabled());
  }
}
