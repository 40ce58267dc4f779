package com.coditect.audit;

import com.coditect.audit.domain.AuditLogWriter;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the audit ingest, built once per Lambda instance; the only part that holds the pseudonym key. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class})
public interface AuditComponent {

  AuditLogWriter auditLog();

  /** Builds the component from the function's configs. */
  @Component.Factory
  interface Factory {
    AuditComponent create(@BindsInstance AppConfig config, @BindsInstance AuditConfig audit);
  }
}
