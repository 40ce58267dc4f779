package com.coditect.tenancy.api;

import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.tenancy.data.TenantItem;

/** The tenant as the API shows it. */
public record TenantResponse(
    String id, String name, String slug, String status, String ownerUserId, String phoneNumber,
    String website, String industry, String companySize, String billingEmail, String taxId,
    int auditRetentionDays, long storageUsedBytes, String stripeCustomerId, String stripeSubscriptionId,
    String createdAt, String updatedAt) {

  public static TenantResponse from(TenantItem item) {
    return new TenantResponse(item.id(), item.name(), item.slug(), item.status().apiName(), item.ownerUserId(),
        item.phoneNumber(), item.website(), item.industry(),
        item.companySize() == null ? null : item.companySize().apiName(), item.billingEmail(),
        item.taxId(), AuditRetention.effectiveDays(item.auditRetentionDays()),
        item.storageUsedBytes() == null ? 0L : item.storageUsedBytes(), item.stripeCustomerId(),
        item.stripeSubscriptionId(), item.createdAt(), item.updatedAt());
  }
}
