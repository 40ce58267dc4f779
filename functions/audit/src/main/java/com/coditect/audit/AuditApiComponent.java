package com.coditect.audit;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * Wiring of the audit API, built once per Lambda instance. Unlike the ingest it never needs the
 * pseudonym key: it reads entries, it does not make them.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, AuditModule.class})
public interface AuditApiComponent {

  AuditLogRoutes auditLogRoutes();

  AuditReviewRoutes auditReviewRoutes();

  ObjectMapper mapper();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    AuditApiComponent create(@BindsInstance AppConfig config);
  }
}
