package com.coditect.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dev JWTs for the local gateway: signed RS256 with a key made at start (so tokens die with the
 * run), as Cognito signs, and verified the way the HTTP API JWT authorizer does (signature, issuer,
 * audience, expiry), then handed to handlers as string claims, as API Gateway does. The public key
 * is served as a JWKS ({@link #jwks()}), which functions that verify a token themselves (the cart
 * routes) fetch as they fetch Cognito's on AWS.
 */
final class DevTokens {

  static final String ISSUER = "https://coditect.local/dev-issuer";
  static final String AUDIENCE = "coditect-local";
  private static final Duration LIFETIME = Duration.ofHours(12);

  private final RSAKey key;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;

  DevTokens() {
    try {
      key = new RSAKeyGenerator(2048).keyID("local-dev-key").generate();
      signer = new RSASSASigner(key);
      verifier = new RSASSAVerifier(key.toPublicJWK());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a JSON Web Key Set, as Cognito serves its pool's at /.well-known/jwks.json. */
  String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A token for a user of a tenant, or for a platform admin ({@code tenantId} may then be null). */
  String issue(String userId, String tenantId, String role, boolean platformAdmin) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(userId)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .claim("token_use", "id")
        .claim("custom:user_id", userId)
        .claim("custom:platform_admin", Boolean.toString(platformAdmin));
    if (tenantId != null) {
      claims.claim("custom:tenant_id", tenantId);
    }
    if (role != null) {
      claims.claim("custom:role", role);
    }
    return sign(claims.build());
  }

  /** Signs any claims with this run's key; tests use it to make expired or foreign-issuer tokens. */
  String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The verified claims as strings, or empty for a missing, forged, foreign or expired token. */
  Optional<Map<String, String>> verify(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(authorizationHeader.substring(7).trim());
      if (!jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience())
          || claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
        return Optional.empty();
      }
      Map<String, String> strings = new LinkedHashMap<>();
      claims.getClaims().forEach((name, value) -> strings.put(name, flatten(value)));
      return Optional.of(strings);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  // API Gateway passes every claim as a string; dates as epoch seconds.
  private static String flatten(Object value) {
    if (value instanceof Date date) {
      return Long.toString(date.toInstant().getEpochSecond());
    }
    if (value instanceof List<?> list && list.size() == 1) {
      return String.valueOf(list.get(0));
    }
    return String.valueOf(value);
  }
}
