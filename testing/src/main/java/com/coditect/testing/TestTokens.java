package com.coditect.testing;

import com.coditect.shared.config.TokenConfig;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An issuer of bearer tokens for the routes that verify a token themselves: an RSA key whose public
 * half is served as a JWKS over HTTP on a loopback port (the function fetches it as it fetches
 * Cognito's), and tokens signed with it carrying the claims a test names. A second key, never
 * published, signs forged tokens.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.coditect.test/pool";
  public static final String AUDIENCE = "coditect-tests";

  private static final RSAKey KEY = generate("test-signing-key");
  private static final RSAKey FOREIGN_KEY = generate("test-signing-key");
  private static URI jwksUrl;

  private TestTokens() {}

  /** The token settings of a function under test: this issuer, and its JWKS on a loopback port. */
  public static synchronized TokenConfig config() {
    if (jwksUrl == null) {
      jwksUrl = serveJwks();
    }
    return new TokenConfig(ISSUER, AUDIENCE, jwksUrl);
  }

  /** An {@code Authorization} value for a token carrying {@code claims} (as from {@code SeededTenant}), valid for an hour. */
  public static String bearer(Map<String, String> claims) {
    Instant now = Instant.now();
    return "Bearer " + sign(KEY, withClaims(claims).issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
  }

  /** A token that expired a while ago (beyond any clock skew). */
  public static String expired(Map<String, String> claims) {
    Instant then = Instant.now().minus(Duration.ofHours(2));
    return "Bearer " + sign(KEY, withClaims(claims).issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(then)).expirationTime(Date.from(then.plus(Duration.ofHours(1)))).build());
  }

  /** A token signed by a key the issuer never published, with the same key id. */
  public static String forged(Map<String, String> claims) {
    Instant now = Instant.now();
    return "Bearer " + sign(FOREIGN_KEY, withClaims(claims).issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
  }

  /** A well-signed token for another audience (another app client of the pool). */
  public static String otherAudience(Map<String, String> claims) {
    Instant now = Instant.now();
    return "Bearer " + sign(KEY, withClaims(claims).issuer(ISSUER).audience("another-client")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
  }

  private static JWTClaimsSet.Builder withClaims(Map<String, String> claims) {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
    claims.forEach(builder::claim);
    return builder;
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI serveJwks() {
    byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      server.createContext("/pool/.well-known/jwks.json", exchange -> {
        try (exchange) {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
        }
      });
      // A daemon thread per JVM: the server lives as long as the tests that use it.
      Thread thread = new Thread(server::start, "test-jwks");
      thread.setDaemon(true);
      thread.start();
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pool/.well-known/jwks.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
