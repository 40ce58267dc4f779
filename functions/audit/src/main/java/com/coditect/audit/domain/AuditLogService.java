package com.coditect.audit.domain;

import com.coditect.audit.api.AuditEntryResponse;
import com.coditect.audit.api.AuditLogFilters;
import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.data.AuditEntryRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.tenancy.Caller;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The audit log as its readers see it: pages of the caller's tenant's entries, and the chain's
 * verification page by page. Nothing here writes; entries are written only by the ingest.
 */
@Singleton
public final class AuditLogService {

  private final AuditEntryRepository entries;
  private final AuditVerifier verifier;

  @Inject
  AuditLogService(AuditEntryRepository entries, AuditVerifier verifier) {
    this.entries = entries;
    this.verifier = verifier;
  }

  /** One page of the tenant's log, newest first: one Query. */
  public ResultPage<AuditEntryResponse> list(Caller caller, AuditLogFilters filters, PageRequest page) {
    return entries.list(caller.tenantId(), filters, page).map(AuditEntryResponse::of);
  }

  /** One page of the chain's verification, continuing from {@code cursor} when given. */
  public ChainVerificationResponse verify(Caller caller, Optional<String> cursor, int limit) {
    return verifier.verifyPage(caller.tenantId(), cursor, limit);
  }
}
