package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.shared.tenancy.TenantStatus;
import com.coditect.tenancy.model.TenantCompanySize;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A tenant (organisation) and its settings. Key: {@code PK=T#<tenant>, SK=TENANT} (built by
 * {@code CoreKeys.tenant}); read by the tenant's own principal, and by the audit ingest for
 * {@code audit_retention_days}. Serves: "the caller's tenant". GSI1 {@code PLATFORM#TENANTS /
 * <tenant id>} serves "every tenant of the platform" to platform jobs (never to a request).
 */
public final class TenantItem extends TableItem {

  public static final String ENTITY = "TENANT";

  public String id;
  public String name;
  public String slug;
  public TenantStatus status;
  public String ownerUserId;
  public String phoneNumber;
  public String website;
  public String industry;
  public TenantCompanySize companySize;
  public String billingEmail;
  public String taxId;
  /** Null on tenants created before the setting existed: they keep the default. */
  public Integer auditRetentionDays;

  public static final TableSchema<TenantItem> SCHEMA =
      StaticTableSchema.builder(TenantItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(TenantItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(String.class, a -> a.name("slug").getter(i -> i.slug).setter((i, v) -> i.slug = v))
          .addAttribute(TenantStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(TenantStatus.class)))
          .addAttribute(String.class, a -> a.name("owner_user_id").getter(i -> i.ownerUserId).setter((i, v) -> i.ownerUserId = v))
          .addAttribute(String.class, a -> a.name("phone_number").getter(i -> i.phoneNumber).setter((i, v) -> i.phoneNumber = v))
          .addAttribute(String.class, a -> a.name("website").getter(i -> i.website).setter((i, v) -> i.website = v))
          .addAttribute(String.class, a -> a.name("industry").getter(i -> i.industry).setter((i, v) -> i.industry = v))
          .addAttribute(TenantCompanySize.class, a -> a.name("company_size").getter(i -> i.companySize)
              .setter((i, v) -> i.companySize = v).attributeConverter(ChoiceConverter.of(TenantCompanySize.class)))
          .addAttribute(String.class, a -> a.name("billing_email").getter(i -> i.billingEmail).setter((i, v) -> i.billingEmail = v))
          .addAttribute(String.class, a -> a.name("tax_id").getter(i -> i.taxId).setter((i, v) -> i.taxId = v))
          .addAttribute(Integer.class, a -> a.name(AuditRetention.ATTRIBUTE).getter(i -> i.auditRetentionDays)
              .setter((i, v) -> i.auditRetentionDays = v))
          .build();
}
