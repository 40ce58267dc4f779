package com.coditect.shared.di;

import com.coditect.shared.auth.BearerTokens;
import com.coditect.shared.config.TokenConfig;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dagger.Module;
import dagger.Provides;
import java.net.MalformedURLException;
import javax.inject.Singleton;

/**
 * The in-function token check of the routes where a token is optional. The issuer's keys are
 * fetched from its JWKS URL on the first token seen, then cached and refreshed by nimbus (a key
 * Cognito rotates in is fetched when a token names it), never in the constructor: a SnapStart
 * snapshot holds no keys.
 */
@Module
public final class TokenModule {

  private TokenModule() {}

  @Provides
  @Singleton
  static BearerTokens bearerTokens(TokenConfig config) {
    try {
      return new BearerTokens(config, JWKSourceBuilder.<SecurityContext>create(config.jwksUrl().toURL())
          .retrying(true)
          .build());
    } catch (MalformedURLException e) {
      throw new IllegalStateException("TOKEN_JWKS_URL is not a URL: " + config.jwksUrl(), e);
    }
  }
}
