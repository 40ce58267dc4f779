package com.coditect.identity;

import com.coditect.identity.data.PlatformUser;
import com.coditect.identity.data.PlatformUserRepository;
import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Keeps the Cognito user pool in step with the platform's users. A user event only says "look at
 * this user now": the user's current item in the table decides, never the event's changes or the
 * order events arrive in, so any replay of any events, in any order, leaves the pool as the items
 * say. An invited or active user has an enabled sign-in (username = the platform user id, email as
 * sign-in alias) whose ID token carries {@code custom:tenant_id}, {@code custom:role} and {@code
 * custom:user_id}; a role that differs from the pool's signs the user out, so the next token
 * carries the new one; a disabled, deleted or unknown user's sign-in is disabled and signed out,
 * and nothing ever enables it again.
 */
@Singleton
public final class CognitoUserSync {

  private static final Log LOG = Log.forClass(CognitoUserSync.class);
  private static final Set<String> USER_EVENTS = Set.of("user.created", "user.updated", "user.role_changed",
      "user.deleted");
  static final String EMAIL = "email";
  static final String NAME = "name";
  static final String ROLE = "custom:role";
  static final String TENANT = "custom:tenant_id";

  private final CognitoIdentityProviderClient cognito;
  private final PlatformUserRepository users;
  private final String pool;

  @Inject
  CognitoUserSync(CognitoIdentityProviderClient cognito, PlatformUserRepository users, CognitoConfig config) {
    this.cognito = cognito;
    this.users = users;
    this.pool = config.userPoolId();
  }

  /** Handles one {@code coditect.tenancy} event (the envelope's {@code detail}). */
  public void apply(String action, JsonNode detail) {
    if (!USER_EVENTS.contains(action)) {
      LOG.info("event ignored", "action", action);
      return;
    }
    sync(new TenantId(detail.path("tenant_id").asText()), detail.path("resource_id").asText());
  }

  /** Makes the pool's sign-in of the user match the user's item. */
  public void sync(TenantId tenant, String userId) {
    Optional<PlatformUser> user = users.find(tenant, userId);
    Optional<SignIn> signIn = signIn(userId);
    if (user.isEmpty() || !maySignIn(user.get())) {
      signIn.ifPresent(this::shutOut);
    } else if (signIn.isEmpty()) {
      create(user.get());
    } else {
      update(user.get(), signIn.get());
    }
  }

  private void create(PlatformUser user) {
    releaseEmail(user);
    List<AttributeType> attributes = List.of(
        attribute(EMAIL, user.email()),
        attribute("email_verified", "true"),
        attribute(NAME, user.name()),
        attribute(TENANT, user.tenant().value()),
        attribute("custom:user_id", user.id()),
        attribute(ROLE, user.role()),
        attribute("custom:platform_admin", "false"));
    try {
      cognito.adminCreateUser(r -> r.userPoolId(pool).username(user.id()).userAttributes(attributes)
          .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
    } catch (UsernameExistsException createdMeanwhile) {
      // Another delivery created it between our read and our create: bring that one in line.
      update(user, signIn(user.id()).orElseThrow(() -> createdMeanwhile));
    } catch (AliasExistsException emailTaken) {
      // Thrown on purpose: a sign-in we cannot create must be retried and finally kept in the DLQ,
      // never dropped with the user left unable to sign in.
      LOG.warn("email already signs in another user", "user_id", user.id());
      throw emailTaken;
    }
  }

  private void update(PlatformUser user, SignIn signIn) {
    List<AttributeType> changed = new ArrayList<>();
    boolean emailChanged = !Objects.equals(user.email(), signIn.attributes().get(EMAIL));
    if (emailChanged) {
      releaseEmail(user);
      changed.add(attribute(EMAIL, user.email()));
      changed.add(attribute("email_verified", "true"));
    }
    if (!Objects.equals(value(user.name()), value(signIn.attributes().get(NAME)))) {
      changed.add(attribute(NAME, user.name()));
    }
    boolean roleChanged = !Objects.equals(user.role(), signIn.attributes().get(ROLE));
    if (roleChanged) {
      changed.add(attribute(ROLE, user.role()));
    }
    if (!changed.isEmpty()) {
      cognito.adminUpdateUserAttributes(r -> r.userPoolId(pool).username(user.id()).userAttributes(changed));
    }
    if (!signIn.enabled()) {
      cognito.adminEnableUser(r -> r.userPoolId(pool).username(user.id()));
    }
    if (roleChanged) {
      // A role change must not wait for the refresh token to run out.
      cognito.adminUserGlobalSignOut(r -> r.userPoolId(pool).username(user.id()));
    }
  }

  /** Disables the sign-in and revokes its refresh tokens; repeating it changes nothing. */
  private void shutOut(SignIn signIn) {
    if (signIn.enabled()) {
      cognito.adminDisableUser(r -> r.userPoolId(pool).username(signIn.username()));
    }
    cognito.adminUserGlobalSignOut(r -> r.userPoolId(pool).username(signIn.username()));
  }

  /**
   * The pool signs people in by email, so one email can be the alias of one sign-in only. A
   * deleted user's sign-in keeps its email, which would stop the same person from being invited
   * again (in the same tenant or another): sign-ins of users the platform has deleted (or never
   * had) let go of it by being deleted, as nobody can use them any more. A sign-in of a user who
   * still exists (even disabled, who may be enabled again) keeps it, and the clash throws.
   */
  private void releaseEmail(PlatformUser user) {
    String filter = "email = \"" + user.email().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    for (UserType holder : cognito.listUsers(r -> r.userPoolId(pool).filter(filter)).users()) {
      if (holder.username().equals(user.id())) {
        continue;
      }
      Map<String, String> attributes = attributes(holder.attributes());
      if (!isGone(attributes.get(TENANT), holder.username())) {
        LOG.warn("email already signs in a live user", "user_id", user.id(), "holder_user_id", holder.username());
        throw AliasExistsException.builder()
            .message("The email already signs in another live user of the platform.").build();
      }
      cognito.adminDeleteUser(r -> r.userPoolId(pool).username(holder.username()));
      LOG.info("sign-in of a deleted user let go of its email", "user_id", user.id(),
          "holder_user_id", holder.username());
    }
  }

  /** True when the platform has deleted the user a sign-in belongs to, or never had them. */
  private boolean isGone(String tenantId, String userId) {
    TenantId tenant;
    try {
      tenant = new TenantId(tenantId);
    } catch (RuntimeException notATenantsUser) {
      // No tenant (e.g. a platform administrator made by hand): not ours to take apart.
      return false;
    }
    return users.find(tenant, userId).map(PlatformUser::deleted).orElse(true);
  }

  /** Invited and active users sign in; disabled and deleted ones never do. */
  private static boolean maySignIn(PlatformUser user) {
    return !user.deleted() && (user.status() == UserStatus.ACTIVE || user.status() == UserStatus.INVITED);
  }

  private Optional<SignIn> signIn(String userId) {
    try {
      AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool).username(userId));
      return Optional.of(new SignIn(user.username(), attributes(user.userAttributes()),
          Boolean.TRUE.equals(user.enabled())));
    } catch (UserNotFoundException absent) {
      return Optional.empty();
    }
  }

  private static Map<String, String> attributes(List<AttributeType> attributes) {
    Map<String, String> byName = new HashMap<>();
    attributes.forEach(attribute -> byName.put(attribute.name(), attribute.value()));
    return byName;
  }

  private static String value(String text) {
    return text == null ? "" : text;
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value(value)).build();
  }

  /** A user's sign-in as the pool holds it. */
  private record SignIn(String username, Map<String, String> attributes, boolean enabled) {}
}
