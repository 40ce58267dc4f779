package com.coditect.dms;

import com.coditect.shared.config.DmsConfig;
import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** What is particular to the document-management function's wiring: the source of its events and its upload settings. */
@Module
public final class DmsModule {

  private DmsModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("dms");
  }

  @Provides
  @Singleton
  static DmsConfig dmsConfig() {
    return DmsConfig.fromEnvironment();
  }
}
