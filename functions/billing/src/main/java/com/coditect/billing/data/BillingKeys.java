package com.coditect.billing.data;

import com.coditect.billing.model.AddressType;
import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the billing items, built in one place. Layout (see docs/access-patterns.md):
 *
 * <pre>
 * item             PK                          SK                GSI1PK / GSI1SK                                  GSI2PK / GSI2SK
 * billing address  T#t#BILLING_ADDRESS#a       BILLING_ADDRESS   T#t#BILLING_ADDRESSES[#DELETED] / type#a         T#t#BILLING_ADDRESSES#DEFAULT / a (default only)
 * default pointer  T#t#BILLING_DEFAULT         BILLING_DEFAULT   -                                                -
 * tax rate         PLATFORM#TAX_RATE#r         TAX_RATE          PLATFORM#TAX_RATES / r                           PLATFORM#TAX_RATES#COUNTRY#cc / (state|-)#r
 * payment          T#t#PAYMENT#p               PAYMENT           T#t#PAYMENTS / p                                 T#t#PAYMENTS#STATUS#s / p
 * refund           T#t#PAYMENT#p               REFUND#r          T#t#REFUNDS / r                                  -
 * subscription     T#t#SUBSCRIPTION#s          SUBSCRIPTION      T#t#SUBSCRIPTIONS / s                            -
 * invoice          T#t#INVOICE#i               INVOICE           T#t#INVOICES / i                                 -
 * stripe object    PLATFORM#STRIPE#<stripe id> STRIPE            -                                                -
 * stripe event     PLATFORM#STRIPE_EVENT#<evt> STRIPE_EVENT      -                                                -
 * </pre>
 * Tax rates belong to no tenant: their keys start with {@code PLATFORM}.
 * Ids are UUIDv7, so a list sorted by id is sorted by creation time; GSI1's sort key starts with
 * the address type, so one type is a prefix of the list.
 */
public final class BillingKeys {

  public static final String BILLING_ADDRESS = "BILLING_ADDRESS";
  public static final String BILLING_DEFAULT = "BILLING_DEFAULT";
  public static final String TAX_RATE = "TAX_RATE";
  public static final String PAYMENT = "PAYMENT";
  public static final String REFUND = "REFUND";
  public static final String STRIPE = "STRIPE";
  public static final String SUBSCRIPTION = "SUBSCRIPTION";
  public static final String INVOICE = "INVOICE";
  public static final String STRIPE_EVENT = "STRIPE_EVENT";
  /** Uniqueness kind of a tax rate's Stripe id (a platform-wide sentinel). */
  public static final String UNIQUE_STRIPE_TAX_RATE = "STRIPE_TAX_RATE";
  /** The sort-key segment of a country-wide rate, which no state code (letters and digits) can be. */
  private static final String WHOLE_COUNTRY = "-";

  private BillingKeys() {}

  public static Key subscription(TenantId tenant, String subscriptionId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(SUBSCRIPTION, subscriptionId).build())
        .sortValue(SUBSCRIPTION).build();
  }

  public static String subscriptions(TenantId tenant) {
    return Keys.tenant(tenant).with("SUBSCRIPTIONS").build();
  }

  public static Key invoice(TenantId tenant, String invoiceId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(INVOICE, invoiceId).build()).sortValue(INVOICE).build();
  }

  public static String invoices(TenantId tenant) {
    return Keys.tenant(tenant).with("INVOICES").build();
  }

  public static Key billingAddress(TenantId tenant, String addressId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(BILLING_ADDRESS, addressId).build())
        .sortValue(BILLING_ADDRESS).build();
  }

  /** The list of the tenant's live (or deleted) addresses. */
  public static String billingAddresses(TenantId tenant, boolean deleted) {
    Keys keys = Keys.tenant(tenant).with("BILLING_ADDRESSES");
    return (deleted ? keys.with("DELETED") : keys).build();
  }

  /** An address's place in its list: its type first, so {@code ?address_type=} is a key prefix. */
  public static String billingAddressSort(AddressType type, String addressId) {
    return Keys.of(type.apiName(), addressId);
  }

  /** The prefix of one type's addresses in the list. */
  public static String billingAddressTypePrefix(AddressType type) {
    return type.apiName() + "#";
  }

  /** The sparse index of the tenant's default address (at most one item is ever in it). */
  public static String defaultBillingAddress(TenantId tenant) {
    return Keys.tenant(tenant).with("BILLING_ADDRESSES").with("DEFAULT").build();
  }

  /** The one item per tenant that names its default address: the constraint's lock. */
  public static Key billingDefault(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(BILLING_DEFAULT).build())
        .sortValue(BILLING_DEFAULT).build();
  }

  public static Key taxRate(String taxRateId) {
    return Key.builder().partitionValue(Keys.platform().with(TAX_RATE, taxRateId).build()).sortValue(TAX_RATE).build();
  }

  /** Every tax rate of the platform. */
  public static String taxRates() {
    return Keys.platform().with("TAX_RATES").build();
  }

  /** The tax rates of one country. */
  public static String taxRatesOfCountry(String countryCode) {
    return Keys.platform().with("TAX_RATES").with("COUNTRY", countryCode).build();
  }

  /** A rate's place among its country's: its state (or the whole country) first, so one state is a prefix. */
  public static String taxRateSort(String stateCode, String taxRateId) {
    return Keys.of(stateCode == null ? WHOLE_COUNTRY : stateCode, taxRateId);
  }

  /** The prefix of one state's rates among its country's. */
  public static String taxRateStatePrefix(String stateCode) {
    return stateCode + "#";
  }

  public static String paymentPartition(TenantId tenant, String paymentId) {
    return Keys.tenant(tenant).with(PAYMENT, paymentId).build();
  }

  public static Key payment(TenantId tenant, String paymentId) {
    return Key.builder().partitionValue(paymentPartition(tenant, paymentId)).sortValue(PAYMENT).build();
  }

  /** The tenant's payments, newest first by id (UUIDv7). */
  public static String payments(TenantId tenant) {
    return Keys.tenant(tenant).with("PAYMENTS").build();
  }

  public static String paymentsWithStatus(TenantId tenant, PaymentStatus status) {
    return Keys.tenant(tenant).with("PAYMENTS").with("STATUS", status.apiName()).build();
  }

  public static Key refund(TenantId tenant, String paymentId, String refundId) {
    return Key.builder().partitionValue(paymentPartition(tenant, paymentId)).sortValue(Keys.of(REFUND, refundId)).build();
  }

  /** The sort-key prefix of a payment's refunds in its partition. */
  public static String refundPrefix() {
    return REFUND + "#";
  }

  public static String refunds(TenantId tenant) {
    return Keys.tenant(tenant).with("REFUNDS").build();
  }

  /** The pointer from a Stripe id (pi_..., re_..., sub_..., in_...) to the tenant's item. */
  public static Key stripeObject(String stripeId) {
    return Key.builder().partitionValue(Keys.platform().with(STRIPE, stripeId).build()).sortValue(STRIPE).build();
  }

  /** A Stripe event received by the webhook, once per event id. */
  public static Key stripeEvent(String eventId) {
    return Key.builder().partitionValue(Keys.platform().with(STRIPE_EVENT, eventId).build()).sortValue(STRIPE_EVENT)
        .build();
  }
}
