package com.coditect.identity;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;

/**
 * The user pool's post-authentication trigger: audits each sign-in of a tenant's user as
 * {@code user.login} (see {@link SignInEvents}), then hands Cognito its event back.
 *
 * <p>The event is a plain map, not aws-lambda-java-events' {@code CognitoUserPoolPostAuthenticationEvent}:
 * that class has no {@code response} member and drops fields it does not know, so returning it
 * would not give Cognito back the event it sent, which the trigger contract asks for.
 *
 * <p>A failed write throws, and Cognito then fails the sign-in (the trigger runs before tokens are
 * issued). That is deliberate: an audit log that silently misses sign-ins cannot be relied on, and
 * a table that cannot take one small write cannot serve the API either, so refusing the sign-in
 * costs nothing the user could have used. Cognito retries a trigger that times out, so a sign-in
 * may rarely be audited twice (two event ids); it is never left out.
 *
 * <p>Not audited: a sign-in without {@code custom:tenant_id} (a platform administrator), as the
 * audit log is kept per tenant; and token refreshes, which Cognito does not pass to this trigger.
 */
public final class IdentitySignInHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Log LOG = Log.forClass(IdentitySignInHandler.class);

  private final SignInEvents signIns;

  public IdentitySignInHandler() {
    this(DaggerSignInComponent.factory().create(AppConfig.fromEnvironment()));
  }

  IdentitySignInHandler(SignInComponent component) {
    this.signIns = component.signIns();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<?, ?> attributes = userAttributes(event);
    String tenant = text(attributes.get("custom:tenant_id"));
    // The username is the platform's user id (IdentitySyncFunction creates it so); custom:user_id
    // says the same and is what the API's tokens carry, so it comes first.
    String userId = text(attributes.get("custom:user_id"));
    if (userId == null) {
      userId = text(event.get("userName"));
    }
    if (tenant == null || userId == null) {
      LOG.info("sign-in without a tenant or user id: not audited", "trigger", text(event.get("triggerSource")));
      return event;
    }
    Log.setContext(context == null ? null : context.getAwsRequestId(), tenant);
    try {
      signIns.recordLogin(new TenantId(tenant), userId, null, null);
      LOG.info("sign-in audited", "user_id", userId);
      return event;
    } finally {
      Log.clearContext();
    }
  }

  private static Map<?, ?> userAttributes(Map<String, Object> event) {
    if (event.get("request") instanceof Map<?, ?> request && request.get("userAttributes") instanceof Map<?, ?> map) {
      return map;
    }
    return Map.of();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
