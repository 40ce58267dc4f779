package com.coditect.audit.data;

import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The compliance report PDFs in the documents bucket: one PutObject per report. Only the generator
 * writes them; the API hands out presigned GETs.
 */
@Singleton
public final class ComplianceReportStorage {

  private final DocumentsBucket bucket;

  @Inject
  ComplianceReportStorage(DocumentsBucket bucket) {
    this.bucket = bucket;
  }

  /**
   * Stores the report's PDF under the tenant's prefix and returns its key; writing it again (a
   * redelivered request) replaces it.
   */
  public String putPdf(TenantId tenant, String reportId, byte[] pdf) {
    String key = AuditKeys.reportObject(tenant, reportId);
    bucket.put(key, "application/pdf", "inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"", pdf);
    return key;
  }
}
