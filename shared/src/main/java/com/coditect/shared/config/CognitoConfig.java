package com.coditect.shared.config;

import java.util.Map;

/** The Cognito user pool the identity function keeps in step with the platform's users. */
public record CognitoConfig(String userPoolId) {

  public static CognitoConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static CognitoConfig fromMap(Map<String, String> env) {
    String pool = env.get("USER_POOL_ID");
    if (pool == null || pool.isBlank()) {
      throw new IllegalStateException("environment variable USER_POOL_ID is not set");
    }
    return new CognitoConfig(pool);
  }
}
