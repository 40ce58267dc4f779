package com.coditect.shared.config;

import java.net.URI;
import java.util.Map;

/**
 * Who issues the platform's bearer tokens, for the routes that verify a token themselves (a token
 * is optional there, which API Gateway's JWT authorizer cannot express). The same issuer and
 * audience as the HTTP API's authorizer.
 *
 * @param issuer the {@code iss} a token must carry ({@code TOKEN_ISSUER}): the Cognito user pool's URL on AWS
 * @param audience the {@code aud} a token must carry ({@code TOKEN_AUDIENCE}): the app client id
 * @param jwksUrl where the issuer's public keys are ({@code TOKEN_JWKS_URL}); by default the
 *     issuer's {@code /.well-known/jwks.json}, which is where Cognito publishes them
 */
public record TokenConfig(String issuer, String audience, URI jwksUrl) {

  public static TokenConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static TokenConfig fromMap(Map<String, String> env) {
    String issuer = required(env, "TOKEN_ISSUER");
    String jwks = env.get("TOKEN_JWKS_URL");
    URI jwksUrl = jwks == null || jwks.isBlank()
        ? URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json")
        : URI.create(jwks.trim());
    return new TokenConfig(issuer, required(env, "TOKEN_AUDIENCE"), jwksUrl);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is required");
    }
    return value.trim();
  }
}
