package com.coditect.local;

import com.coditect.testing.CloudTemplate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Cognito's part in a sign-in: before {@code POST /local/token} hands out a token, it invokes
 * the post-authentication trigger that template.yaml gives the user pool ({@code LambdaConfig
 * PostAuthentication}) with the event Cognito would send. A local sign-in so runs the same trigger
 * code, and writes the same {@code user.login} outbox item, as one on AWS.
 */
final class SignInTrigger {

  private final FunctionRegistry functions;
  /** The trigger's {@code Handler}; null when the template names none (then sign-ins are not audited). */
  private final String handler;
  private final String region;
  private final String userPoolId;

  private SignInTrigger(FunctionRegistry functions, String handler, String region, String userPoolId) {
    this.functions = functions;
    this.handler = handler;
    this.region = region;
    this.userPoolId = userPoolId;
  }

  /** The trigger of the template's user pool, invoked through {@code functions}. */
  static SignInTrigger fromTemplate(CloudTemplate template, FunctionRegistry functions, String region,
      String userPoolId) {
    Map<String, Object> pool = template.resourceProperties(LocalResources.logicalIdOf(template, "AWS::Cognito::UserPool"));
    Object trigger = pool.get("LambdaConfig") instanceof Map<?, ?> config ? config.get("PostAuthentication") : null;
    String handler = trigger == null ? null : handlerOf(template, functionOf(trigger));
    return new SignInTrigger(functions, handler, region, userPoolId);
  }

  /** Builds the trigger's function now, so the first sign-in does not pay for it. */
  void warm() {
    if (handler != null) {
      functions.warm(handler);
    }
  }

  /**
   * Tells the trigger that {@code userId} authenticated, with the attributes IdentitySyncFunction
   * gives a pool user ({@code tenantId} and {@code role} null for a bare platform administrator).
   * Throws when the trigger fails: Cognito would then refuse the sign-in.
   */
  void signedIn(String userId, String tenantId, String role, boolean platformAdmin) {
    if (handler == null) {
      return;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    // Cognito's own id of the user: stable per user, like the pool's sub.
    attributes.put("sub", UUID.nameUUIDFromBytes(userId.getBytes(StandardCharsets.UTF_8)).toString());
    attributes.put("custom:user_id", userId);
    attributes.put("custom:platform_admin", Boolean.toString(platformAdmin));
    if (tenantId != null) {
      attributes.put("custom:tenant_id", tenantId);
    }
    if (role != null) {
      attributes.put("custom:role", role);
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", attributes);
    request.put("newDeviceUsed", false);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("triggerSource", "PostAuthentication_Authentication");
    event.put("region", region);
    event.put("userPoolId", userPoolId);
    event.put("userName", userId);
    event.put("callerContext", Map.of("awsSdkVersion", "local", "clientId", DevTokens.AUDIENCE));
    event.put("request", request);
    event.put("response", new LinkedHashMap<>());
    functions.invoke(handler, event, "local-sign-in-" + UUID.randomUUID());
  }

  /** The logical id in {@code !Ref Fn.Alias}, {@code !GetAtt Fn.Arn} or {@code !Ref Fn}. */
  private static String functionOf(Object trigger) {
    Object target = null;
    if (trigger instanceof Map<?, ?> intrinsic) {
      target = intrinsic.containsKey("Ref") ? intrinsic.get("Ref") : intrinsic.get("Fn::GetAtt");
    }
    if (target instanceof List<?> parts && !parts.isEmpty()) {
      target = parts.get(0);
    }
    if (!(target instanceof String name)) {
      throw new IllegalStateException("UserPool PostAuthentication must name a function of the template: " + trigger);
    }
    return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
  }

  @SuppressWarnings("unchecked")
  private static String handlerOf(CloudTemplate template, String logicalId) {
    Object handler = template.resourceProperties(logicalId).get("Handler");
    if (handler == null) {
      Map<String, Object> globals = (Map<String, Object>) template.document().getOrDefault("Globals", Map.of());
      handler = ((Map<String, Object>) globals.getOrDefault("Function", Map.of())).get("Handler");
    }
    if (handler == null) {
      throw new IllegalStateException("the sign-in trigger " + logicalId + " has no Handler");
    }
    return handler.toString();
  }
}
