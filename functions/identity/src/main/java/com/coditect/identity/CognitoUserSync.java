package com.coditect.identity;

import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Keeps the Cognito user pool in step with the platform's users, from their events: an invited
 * user gets a sign-in (username = the platform user id, email as sign-in alias) whose ID token
 * carries {@code custom:tenant_id}, {@code custom:role} and {@code custom:user_id}; a role change
 * reaches the next token; disabling or deleting a user disables the sign-in and revokes its
 * refresh tokens. Every step is safe to repeat: EventBridge may deliver an event twice.
 */
@Singleton
public final class CognitoUserSync {

  private static final Log LOG = Log.forClass(CognitoUserSync.class);

  private final CognitoIdentityProviderClient cognito;
  private final String pool;

  @Inject
  CognitoUserSync(CognitoIdentityProviderClient cognito, CognitoConfig config) {
    this.cognito = cognito;
    this.pool = config.userPoolId();
  }

  /** Applies one {@code coditect.tenancy} user event (the envelope's {@code detail}). */
  public void apply(String action, JsonNode detail) {
    String userId = detail.path("resource_id").asText();
    JsonNode changes = detail.path("changes");
    switch (action) {
      case "user.created" -> create(userId, detail.path("tenant_id").asText(), changes);
      case "user.updated", "user.role_changed" -> update(userId, changes);
      case "user.deleted" -> disable(userId);
      default -> LOG.info("event ignored", "action", action);
    }
  }

  private void create(String userId, String tenantId, JsonNode changes) {
    List<AttributeType> attributes = new ArrayList<>(List.of(
        attribute("email", newValue(changes, "email")),
        attribute("email_verified", "true"),
        attribute("name", newValue(changes, "name")),
        attribute("custom:tenant_id", tenantId),
        attribute("custom:user_id", userId),
        attribute("custom:role", newValue(changes, "role")),
        attribute("custom:platform_admin", "false")));
    try {
      cognito.adminCreateUser(r -> r.userPoolId(pool).username(userId).userAttributes(attributes)
          .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
    } catch (UsernameExistsException alreadySynced) {
      LOG.info("user already in the pool", "user_id", userId);
    } catch (AliasExistsException emailTaken) {
      // The pool signs people in by email, so one email can hold one sign-in. Retrying cannot
      // change that; the user exists in the platform but cannot sign in until the clash is resolved.
      LOG.warn("email already signs in another user; sign-in not created", "user_id", userId);
    }
  }

  private void update(String userId, JsonNode changes) {
    List<AttributeType> attributes = new ArrayList<>();
    if (changes.has("role")) {
      attributes.add(attribute("custom:role", newValue(changes, "role")));
    }
    if (changes.has("name")) {
      attributes.add(attribute("name", newValue(changes, "name")));
    }
    if (!attributes.isEmpty()) {
      cognito.adminUpdateUserAttributes(r -> r.userPoolId(pool).username(userId).userAttributes(attributes));
    }
    String status = newValue(changes, "status");
    if ("disabled".equals(status)) {
      disable(userId);
    } else if ("active".equals(status)) {
      cognito.adminEnableUser(r -> r.userPoolId(pool).username(userId));
    } else if (changes.has("role")) {
      // A role change must not wait for the refresh token to run out.
      cognito.adminUserGlobalSignOut(r -> r.userPoolId(pool).username(userId));
    }
  }

  private void disable(String userId) {
    cognito.adminDisableUser(r -> r.userPoolId(pool).username(userId));
    cognito.adminUserGlobalSignOut(r -> r.userPoolId(pool).username(userId));
  }

  private static String newValue(JsonNode changes, String field) {
    JsonNode value = changes.path(field).path("new");
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value == null ? "" : value).build();
  }
}
