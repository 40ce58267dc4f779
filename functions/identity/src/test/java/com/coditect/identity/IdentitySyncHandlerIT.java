package com.coditect.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.store.Ids;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.MotoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * User events from the bus reach the Cognito user pool (moto's). The user's item in the table
 * decides what the pool holds; the event only names the user, so late, repeated and reordered
 * events all end in the pool the items describe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentitySyncHandlerIT {

  private static final String PASSWORD = "Correct-Horse-9-Battery";

  private AwsTestEnvironment env;
  private CognitoIdentityProviderClient cognito;
  private String tenant;
  private String pool;
  private String client;
  private IdentitySyncHandler handler;

  @BeforeAll
  void environment() {
    env = AwsTestEnvironment.create("identity-sync");
    cognito = CognitoIdentityProviderClient.builder()
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(MotoServer.endpoint())
        .build();
  }

  @AfterAll
  void close() {
    cognito.close();
    env.close();
  }

  @BeforeEach
  void start() {
    tenant = Ids.newId();
    pool = newPool();
    client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("test")
        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    handler = handlerFor(pool);
  }

  @AfterEach
  void stop() {
    cognito.deleteUserPool(r -> r.userPoolId(pool));
  }

  // ---------------------------------------------------------------- what the item says, the pool holds

  @Test
  void anInvitedUserGetsASignInCarryingTenantRoleAndUserId() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "invited", false);
    deliver("user.created", userId);

    Map<String, String> attributes = attributes(userId);
    assertEquals("ada@acme.example", attributes.get("email"));
    assertEquals("Ada", attributes.get("name"));
    assertEquals(tenant, attributes.get("custom:tenant_id"));
    assertEquals("member", attributes.get("custom:role"));
    assertEquals(userId, attributes.get("custom:user_id"));
    assertEquals("false", attributes.get("custom:platform_admin"));
    assertTrue(user(userId).enabled());
  }

  @Test
  void theItemDecidesNotTheEventsChanges() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "active", false);
    // An event claiming another role (e.g. a stale or forged one) changes nothing the item does not say.
    handler.handleRequest(event("user.role_changed", tenant, userId,
        "{\"role\":{\"old\":\"member\",\"new\":\"owner\"},\"status\":{\"old\":\"disabled\",\"new\":\"active\"}}"), null);
    assertEquals("member", attributes(userId).get("custom:role"));
  }

  @Test
  void aRedeliveredCreateChangesNothing() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "invited", false);
    deliver("user.created", userId);
    String refresh = signIn(userId);
    deliver("user.created", userId);
    assertEquals("member", attributes(userId).get("custom:role"));
    assertTrue(refreshes(refresh), "nothing changed, so nobody was signed out");
  }

  @Test
  void aRoleChangeReachesTheNextTokenAndSignsTheUserOut() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "active", false);
    deliver("user.created", userId);
    String refresh = signIn(userId);

    saveUser(userId, "ada@acme.example", "Ada Lovelace", "member", "active", false);
    deliver("user.updated", userId);
    assertEquals("Ada Lovelace", attributes(userId).get("name"));
    assertTrue(refreshes(refresh), "a new name needs no new sign-in");

    saveUser(userId, "ada@acme.example", "Ada Lovelace", "admin", "active", false);
    deliver("user.role_changed", userId);
    assertEquals("admin", attributes(userId).get("custom:role"));
    assertFalse(refreshes(refresh), "the old role's refresh token is revoked");
  }

  @Test
  void disablingSignsOutAndEnablingAgainLetsTheUserBackIn() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "active", false);
    deliver("user.created", userId);
    String refresh = signIn(userId);

    saveUser(userId, "ada@acme.example", "Ada", "member", "disabled", false);
    deliver("user.updated", userId);
    assertFalse(user(userId).enabled());
    assertFalse(refreshes(refresh));

    saveUser(userId, "ada@acme.example", "Ada", "member", "active", false);
    deliver("user.updated", userId);
    assertTrue(user(userId).enabled());
  }

  @Test
  void aRetriedActivationAfterTheDeleteNeverEnablesADeletedUser() {
    String userId = saveUser("ada@acme.example", "Ada", "admin", "active", false);
    deliver("user.created", userId);
    String refresh = signIn(userId);

    saveUser(userId, "ada@acme.example", "Ada", "admin", "disabled", true);
    deliver("user.deleted", userId);
    assertFalse(user(userId).enabled());
    assertFalse(refreshes(refresh));

    // The issue's case: user.updated{status: active} retried after user.deleted.
    handler.handleRequest(event("user.updated", tenant, userId, "{\"status\":{\"old\":\"disabled\",\"new\":\"active\"}}"),
        null);
    assertFalse(user(userId).enabled(), "a deleted user stays disabled whatever arrives late");
    handler.handleRequest(event("user.created", tenant, userId, "{}"), null);
    assertFalse(user(userId).enabled());
  }

  @Test
  void anEventForAUserTheTableDoesNotHoldCreatesNothing() {
    String stranger = Ids.newId();
    deliver("user.created", stranger);
    assertThrows(UserNotFoundException.class, () -> user(stranger));
  }

  @Test
  void otherEventsAreIgnored() {
    String userId = saveUser("ada@acme.example", "Ada", "member", "active", false);
    handler.handleRequest(event("user.login", tenant, userId, "{}"), null);
    assertThrows(UserNotFoundException.class, () -> user(userId));
  }

  // ---------------------------------------------------------------- order and repetition

  /**
   * Three users' histories (each change to the item followed by its event) give the in-order pool;
   * the same histories with every event held back and then delivered in reverse, twice each, give
   * another pool. Both must let in exactly the users the items let in, with the items' attributes.
   */
  @Test
  void eventsInReverseAndTwiceEndInThePoolTheInOrderEventsMake() {
    List<Step> history = List.of(
        new Step("a", "user.created", "a@acme.example", "Ann", "member", "invited", false),
        new Step("b", "user.created", "b@acme.example", "Ben", "viewer", "invited", false),
        new Step("c", "user.created", "c@acme.example", "Cid", "member", "invited", false),
        new Step("a", "user.role_changed", "a@acme.example", "Ann", "admin", "invited", false),
        new Step("b", "user.updated", "b@acme.example", "Ben", "viewer", "active", false),
        new Step("a", "user.updated", "a@acme.example", "Ann", "admin", "disabled", false),
        new Step("c", "user.deleted", "c@acme.example", "Cid", "member", "disabled", true),
        new Step("b", "user.role_changed", "b@acme.example", "Ben", "member", "active", false),
        new Step("a", "user.updated", "a@acme.example", "Ann B.", "admin", "active", false));

    Map<String, String> inOrderIds = ids(history);
    for (Step step : history) {
      saveUser(inOrderIds.get(step.user()), step.email(), step.name(), step.role(), step.status(), step.deleted());
      deliver(step.action(), inOrderIds.get(step.user()));
    }
    Map<String, String> inOrder = signIns(inOrderIds);

    // The same people in a second tenant and pool, every event late, last first, each twice.
    tenant = Ids.newId();
    String firstPool = pool;
    String otherPool = newPool();
    try {
      handler = handlerFor(otherPool);
      pool = otherPool;
      Map<String, String> lateIds = ids(history);
      history.forEach(step -> saveUser(lateIds.get(step.user()), step.email(), step.name(), step.role(),
          step.status(), step.deleted()));
      List<Step> reversed = new ArrayList<>(history);
      Collections.reverse(reversed);
      for (Step step : reversed) {
        deliver(step.action(), lateIds.get(step.user()));
        deliver(step.action(), lateIds.get(step.user()));
      }
      assertEquals(inOrder, signIns(lateIds));
    } finally {
      pool = firstPool;
      cognito.deleteUserPool(r -> r.userPoolId(otherPool));
    }
    assertEquals(Map.of("a", "a@acme.example|Ann B.|admin", "b", "b@acme.example|Ben|member", "c", "no sign-in"),
        inOrder);
  }

  // ---------------------------------------------------------------- the email alias

  @Test
  void reInvitingTheEmailOfADeletedUserGivesTheNewUserTheSignIn() {
    String old = saveUser("ada@acme.example", "Ada", "member", "active", false);
    deliver("user.created", old);
    saveUser(old, "ada@acme.example", "Ada", "member", "disabled", true);
    deliver("user.deleted", old);

    String again = saveUser("ada@acme.example", "Ada again", "viewer", "invited", false);
    deliver("user.created", again);

    assertEquals("ada@acme.example", attributes(again).get("email"));
    assertTrue(user(again).enabled());
    assertEquals(List.of(again), holdersOf("ada@acme.example"), "the email signs in the new user only");
    String refresh = signIn(again);

    // Late events of the old user find nothing to undo.
    deliver("user.deleted", old);
    deliver("user.created", old);
    assertEquals(List.of(again), holdersOf("ada@acme.example"));
    assertTrue(refreshes(refresh));
  }

  @Test
  void anEmailThatSignsInALiveUserFailsLoudlySoTheEventIsRetried() {
    String live = saveUser("ada@acme.example", "Ada", "member", "active", false);
    deliver("user.created", live);
    String refresh = signIn(live);

    // The same email in another tenant: the pool cannot give it two sign-ins.
    tenant = Ids.newId();
    String clash = saveUser("ada@acme.example", "Ada elsewhere", "member", "invited", false);
    assertThrows(AliasExistsException.class, () -> deliver("user.created", clash));

    assertEquals(List.of(live), holdersOf("ada@acme.example"));
    assertTrue(user(live).enabled());
    assertTrue(refreshes(refresh), "the live user keeps signing in");
    assertThrows(UserNotFoundException.class, () -> user(clash));
  }

  @Test
  void aDisabledUserKeepsItsEmailForWhenItIsEnabledAgain() {
    String disabled = saveUser("ada@acme.example", "Ada", "member", "active", false);
    deliver("user.created", disabled);
    saveUser(disabled, "ada@acme.example", "Ada", "member", "disabled", false);
    deliver("user.updated", disabled);

    tenant = Ids.newId();
    String clash = saveUser("ada@acme.example", "Ada elsewhere", "member", "invited", false);
    assertThrows(AliasExistsException.class, () -> deliver("user.created", clash));
    assertEquals(List.of(disabled), holdersOf("ada@acme.example"));
  }

  // ---------------------------------------------------------------- helpers

  private record Step(String user, String action, String email, String name, String role, String status,
      boolean deleted) {}

  /** A fresh platform user id for each person of a history. */
  private static Map<String, String> ids(List<Step> history) {
    Map<String, String> ids = new LinkedHashMap<>();
    history.forEach(step -> ids.computeIfAbsent(step.user(), person -> Ids.newId()));
    return ids;
  }

  /** Per person: the email, name and role of an enabled sign-in, or "no sign-in". */
  private Map<String, String> signIns(Map<String, String> ids) {
    Map<String, String> view = new TreeMap<>();
    ids.forEach((person, id) -> {
      Optional<AdminGetUserResponse> user = findUser(id);
      view.put(person, user.filter(AdminGetUserResponse::enabled).map(u -> {
        Map<String, String> a = u.userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
        return a.get("email") + "|" + a.get("name") + "|" + a.get("custom:role");
      }).orElse("no sign-in"));
    });
    return view;
  }

  private String newPool() {
    return cognito.createUserPool(r -> r.poolName("identity-" + UUID.randomUUID())
        .aliasAttributes(AliasAttributeType.EMAIL)
        .schema(custom("tenant_id"), custom("role"), custom("platform_admin"), custom("user_id")))
        .userPool().id();
  }

  private IdentitySyncHandler handlerFor(String userPool) {
    return new IdentitySyncHandler(DaggerIdentityComponent.factory().create(env.appConfig(), new CognitoConfig(userPool)));
  }

  private static SchemaAttributeType custom(String name) {
    return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING).mutable(true).build();
  }

  /** A new user item of the current tenant, stored as the tenancy function stores users. */
  private String saveUser(String email, String name, String role, String status, boolean deleted) {
    String userId = Ids.newId();
    saveUser(userId, email, name, role, status, deleted);
    return userId;
  }

  private void saveUser(String userId, String email, String name, String role, String status, boolean deleted) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant + "#USER#" + userId), "SK", AttributeValue.fromS("USER"),
        "entity_type", AttributeValue.fromS("USER"), "id", AttributeValue.fromS(userId),
        "email", AttributeValue.fromS(email), "name", AttributeValue.fromS(name),
        "role", AttributeValue.fromS(role), "status", AttributeValue.fromS(status),
        "version", AttributeValue.fromN("1")));
    if (deleted) {
      item.put("deleted_at", AttributeValue.fromS("2026-11-25T00:00:00.000Z"));
    }
    env.dynamoDb().putItem(p -> p.tableName(env.tableName()).item(item));
  }

  private void deliver(String action, String userId) {
    handler.handleRequest(event(action, tenant, userId, "{}"), null);
  }

  private static Map<String, Object> event(String action, String tenantId, String userId, String changesJson) {
    String json = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"" + action
        + "\",\"source\":\"coditect.tenancy\",\"detail\":{\"event_id\":\"" + UUID.randomUUID()
        + "\",\"tenant_id\":\"" + tenantId + "\",\"action\":\"" + action + "\",\"resource_type\":\"user\","
        + "\"resource_id\":\"" + userId + "\",\"changes\":" + changesJson + "}}";
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private AdminGetUserResponse user(String userId) {
    return cognito.adminGetUser(r -> r.userPoolId(pool).username(userId));
  }

  private Optional<AdminGetUserResponse> findUser(String userId) {
    try {
      return Optional.of(user(userId));
    } catch (UserNotFoundException e) {
      return Optional.empty();
    }
  }

  private Map<String, String> attributes(String userId) {
    return user(userId).userAttributes().stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private List<String> holdersOf(String email) {
    return cognito.listUsers(r -> r.userPoolId(pool).filter("email = \"" + email + "\"")).users().stream()
        .map(u -> u.username()).sorted().toList();
  }

  /** Signs the user in with a password (set here) and returns the refresh token. */
  private String signIn(String userId) {
    cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(userId).password(PASSWORD).permanent(true));
    return cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client)
            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", userId, "PASSWORD", PASSWORD)))
        .authenticationResult().refreshToken();
  }

  /** True while the refresh token still gets new tokens (a global sign-out revokes it). */
  private boolean refreshes(String refreshToken) {
    try {
      cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
          .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
      return true;
    } catch (CognitoIdentityProviderException revoked) {
      return false;
    }
  }
}
