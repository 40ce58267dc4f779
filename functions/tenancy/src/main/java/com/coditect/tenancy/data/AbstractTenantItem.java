package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.shared.tenancy.AuditRetention;
import com.coditect.shared.tenancy.TenantStatus;
import com.coditect.tenancy.model.TenantCompanySize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A tenant (organisation) and its settings. Key: {@code PK=T#<tenant>, SK=TENANT} (built by
 * {@code CoreKeys.tenant}); read by the tenant's own principal, and by the audit ingest for
 * {@code audit_retention_days}. Serves: "the caller's tenant". GSI1 {@code PLATFORM#TENANTS /
 * <tenant id>} serves "every tenant of the platform" to platform jobs (never to a request).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTenantItem implements StoredItem<TenantItem> {

  public static final String ENTITY = "TENANT";

  public abstract String id();

  public abstract String name();

  public abstract String slug();

  public abstract TenantStatus status();

  public abstract String ownerUserId();

  /**
   * A copy of the E.164 number of the tenant's default {@code work} phone ({@code /v1/phone-numbers}):
   * set by the contacts function, in the transaction that changes that phone, with an update of
   * this item at a new version (tenancy routes replace the item at the version they read, keeping
   * this value). Read here, never written by a tenancy route.
   */
  public abstract @Nullable String phoneNumber();

  public abstract @Nullable String website();

  public abstract @Nullable String industry();

  public abstract @Nullable TenantCompanySize companySize();

  public abstract @Nullable String billingEmail();

  public abstract @Nullable String taxId();

  /**
   * The tenant's Stripe customer and its newest Stripe subscription: set by the billing function
   * (an update of this item, at a new version, in the transaction of the tenant's first
   * subscription), read here, never written by a tenancy route.
   */
  public abstract @Nullable String stripeCustomerId();

  public abstract @Nullable String stripeSubscriptionId();

  /** Null on tenants created before the setting existed: they keep the default. */
  public abstract @Nullable Integer auditRetentionDays();

  /** The bytes the tenant's documents take, as the document function last reported (null: never). */
  public abstract @Nullable Long storageUsedBytes();

  /** The report {@code storage_used_bytes} came from: the document function's usage counter version. */
  public abstract @Nullable Long storageSequence();

  public static final TableSchema<TenantItem> SCHEMA =
      StaticImmutableTableSchema.builder(TenantItem.class, TenantItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TenantItem::builder, TenantItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TenantItem::meta, TenantItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(TenantItem::id).setter(TenantItem.Builder::id))
          .addAttribute(String.class, a -> a.name("name").getter(TenantItem::name).setter(TenantItem.Builder::name))
          .addAttribute(String.class, a -> a.name("slug").getter(TenantItem::slug).setter(TenantItem.Builder::slug))
          .addAttribute(TenantStatus.class, a -> a.name("status").getter(TenantItem::status)
              .setter(TenantItem.Builder::status).attributeConverter(ChoiceConverter.of(TenantStatus.class)))
          .addAttribute(String.class, a -> a.name("owner_user_id").getter(TenantItem::ownerUserId)
              .setter(TenantItem.Builder::ownerUserId))
          .addAttribute(String.class, a -> a.name("phone_number").getter(TenantItem::phoneNumber)
              .setter(TenantItem.Builder::phoneNumber))
          .addAttribute(String.class, a -> a.name("website").getter(TenantItem::website)
              .setter(TenantItem.Builder::website))
          .addAttribute(String.class, a -> a.name("industry").getter(TenantItem::industry)
              .setter(TenantItem.Builder::industry))
          .addAttribute(TenantCompanySize.class, a -> a.name("company_size").getter(TenantItem::companySize)
              .setter(TenantItem.Builder::companySize).attributeConverter(ChoiceConverter.of(TenantCompanySize.class)))
          .addAttribute(String.class, a -> a.name("billing_email").getter(TenantItem::billingEmail)
              .setter(TenantItem.Builder::billingEmail))
          .addAttribute(String.class, a -> a.name("tax_id").getter(TenantItem::taxId).setter(TenantItem.Builder::taxId))
          .addAttribute(String.class, a -> a.name("stripe_customer_id").getter(TenantItem::stripeCustomerId)
              .setter(TenantItem.Builder::stripeCustomerId))
          .addAttribute(String.class, a -> a.name("stripe_subscription_id").getter(TenantItem::stripeSubscriptionId)
              .setter(TenantItem.Builder::stripeSubscriptionId))
          .addAttribute(Integer.class, a -> a.name(AuditRetention.ATTRIBUTE).getter(TenantItem::auditRetentionDays)
              .setter(TenantItem.Builder::auditRetentionDays))
          .addAttribute(Long.class, a -> a.name("storage_used_bytes").getter(TenantItem::storageUsedBytes)
              .setter(TenantItem.Builder::storageUsedBytes))
          .addAttribute(Long.class, a -> a.name("storage_sequence").getter(TenantItem::storageSequence)
              .setter(TenantItem.Builder::storageSequence))
          .build();
}
