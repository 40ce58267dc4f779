package com.coditect.shared.auth;

import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.error.UnauthorizedException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a bearer token inside the function, for the few routes where a token is optional (a
 * guest cart: the guest has none, its owner after the claim does). API Gateway's JWT authorizer
 * either requires a token or is off, so these routes are public at the gateway and check here
 * exactly what the authorizer checks elsewhere: an RS256 signature by one of the issuer's keys,
 * {@code iss}, {@code aud}, {@code exp} and {@code nbf} (nimbus-jose-jwt, 60 s of clock skew).
 * The claims then become strings, as the authorizer hands them over, and a {@link Principal} the
 * same way as on every other route.
 */
public final class BearerTokens {

  private static final String BEARER = "Bearer ";

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** {@code keys}: the issuer's JWKS (fetched and cached on first use), or a fixed set in tests. */
  public BearerTokens(TokenConfig config, JWKSource<SecurityContext> keys) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(config.audience()),
        new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("sub", "exp"), Set.of()));
  }

  /**
   * The caller a request's token names; empty when the request has no {@code Authorization}
   * header. A header that is there but does not verify is a 401, never a silent guest: a client
   * whose token expired must learn it, not see a guest's view.
   */
  public Optional<Caller> caller(ApiRequest request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new UnauthorizedException("The Authorization header must be a bearer token.");
    }
    Map<String, String> claims = verify(value.substring(BEARER.length()).trim());
    Principal principal = Principal.fromClaims(claims)
        .orElseThrow(() -> new UnauthorizedException("A valid bearer token is required."));
    return Optional.of(Caller.of(request, principal));
  }

  private Map<String, String> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      Map<String, String> strings = new HashMap<>();
      claims.getClaims().forEach((name, value) -> strings.put(name, asString(value)));
      return strings;
    } catch (ParseException | BadJOSEException e) {
      throw new UnauthorizedException("A valid bearer token is required.");
    } catch (JOSEException e) {
      // The issuer's keys could not be fetched: the token is not known good, and the caller may retry.
      throw new UnauthorizedException("The bearer token could not be verified now; try again.");
    }
  }

  /** API Gateway's rendering of a claim: text as is, a list as its items joined by spaces in brackets, dates as epoch seconds. */
  private static String asString(Object value) {
    if (value instanceof Date date) {
      return Long.toString(date.getTime() / 1000);
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
    return String.valueOf(value);
  }
}
