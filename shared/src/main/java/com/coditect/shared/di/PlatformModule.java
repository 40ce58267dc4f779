package com.coditect.shared.di;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** The platform's Jackson mapper (snake_case) and the UTC clock. */
@Module
public final class PlatformModule {

  private PlatformModule() {}

  @Provides
  @Singleton
  static ObjectMapper objectMapper() {
    return Json.newMapper();
  }

  @Provides
  static Clock clock() {
    return Clock.systemUTC();
  }
}
