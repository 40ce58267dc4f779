package com.coditect.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.error.UnauthorizedException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link BearerTokens} checks what API Gateway's JWT authorizer checks, and a bad token is a 401, never a guest. */
class BearerTokensTest {

  private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_pool";
  private static final String AUDIENCE = "client-id";
  private static final String TENANT = "01a24000-0000-7000-8000-000000000001";
  private static final RSAKey KEY = generate();
  private static final RSAKey OTHER_KEY = generate();
  private static final BearerTokens TOKENS = new BearerTokens(
      new TokenConfig(ISSUER, AUDIENCE, URI.create("https://unused.invalid/jwks.json")),
      new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())));

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("k1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("cognito-sub")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("custom:user_id", "01a24000-0000-7000-8000-0000000000u1").claim("custom:tenant_id", TENANT)
        .claim("custom:role", "billing").claim("custom:platform_admin", "false").claim("token_use", "id");
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change, JWSSigner signer, JWSAlgorithm algorithm) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("k1").build(), change.apply(claims()).build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    try {
      return token(change, new RSASSASigner(KEY), JWSAlgorithm.RS256);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Caller> caller(String authorization) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setHeaders(authorization == null ? Map.of() : Map.of("authorization", authorization));
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod("GET");
    http.setPath("/v1/carts/x");
    http.setSourceIp("203.0.113.1");
    context.setHttp(http);
    event.setRequestContext(context);
    return TOKENS.caller(new ApiRequest(event));
  }

  private static void refused(String authorization) {
    assertThrows(UnauthorizedException.class, () -> caller(authorization), authorization);
  }

  @Test
  void noHeaderIsNoCaller() {
    assertEquals(Optional.empty(), caller(null));
  }

  @Test
  void aGoodTokenNamesItsUserTenantAndRole() {
    Caller caller = caller("Bearer " + token(c -> c)).orElseThrow();
    assertEquals("01a24000-0000-7000-8000-0000000000u1", caller.principal().userId());
    assertEquals(TENANT, caller.tenantId().value());
    assertEquals(Role.BILLING, caller.principal().role());
    assertTrue(caller("bearer " + token(c -> c)).isPresent(), "the scheme is case-insensitive");
  }

  @Test
  void everyClaimTheAuthorizerChecksIsChecked() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    refused("Bearer " + token(c -> c.expirationTime(Date.from(past))));
    refused("Bearer " + token(c -> c.expirationTime(null)));
    refused("Bearer " + token(c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));
    refused("Bearer " + token(c -> c.issuer("https://cognito-idp.us-east-1.amazonaws.com/another_pool")));
    refused("Bearer " + token(c -> c.audience("another-client")));
    refused("Bearer " + token(c -> c.claim("custom:tenant_id", null).claim("custom:role", null)));
  }

  @Test
  void onlyTheIssuersKeyAndAlgorithmAreTrusted() throws JOSEException {
    refused("Bearer " + token(c -> c, new RSASSASigner(OTHER_KEY), JWSAlgorithm.RS256));
    // HMAC with the public key's bytes as the secret: the classic algorithm confusion.
    refused("Bearer " + token(c -> c, new MACSigner(KEY.toPublicJWK().toRSAPublicKey().getEncoded()), JWSAlgorithm.HS256));
    String good = token(c -> c);
    String[] parts = good.split("\\.");
    refused("Bearer " + parts[0] + "." + parts[1] + ".");
    refused("Bearer " + parts[0] + "." + token(c -> c.claim("custom:role", "owner")).split("\\.")[1] + "." + parts[2]);
    refused("Bearer not-a-jwt");
    refused("Basic dXNlcjpwYXNz");
  }
}
