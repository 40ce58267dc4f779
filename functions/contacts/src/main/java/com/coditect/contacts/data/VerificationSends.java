package com.coditect.contacts.data;

import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant's count of verification codes sent in one hour ({@link ContactKeys#tenantSends}): one
 * counter item per tenant and hour, counted up in the transaction that stores a new code, refused
 * at the limit, and dropped by TTL a day later.
 */
@Singleton
public final class VerificationSends {

  @Inject
  public VerificationSends() {}

  /** Counts one send in {@code hour}; fails with {@code onLimit} when the tenant already sent {@code limit}. */
  public void countOne(WriteTransaction tx, TenantId tenant, String hour, int limit, long ttlEpochSeconds,
      Supplier<? extends RuntimeException> onLimit) {
    tx.update(ContactKeys.tenantSends(tenant, hour), "ADD sends :one SET #ttl = :ttl, entity_type = :entity",
        Map.of(":one", AttributeValue.fromN("1"), ":ttl", AttributeValue.fromN(Long.toString(ttlEpochSeconds)),
            ":entity", AttributeValue.fromS(ContactKeys.VERIFICATION_SENDS)),
        Expression.builder().expression("attribute_not_exists(sends) OR sends < :limit")
            .expressionValues(Map.of(":limit", AttributeValue.fromN(Integer.toString(limit))))
            .expressionNames(Map.of("#ttl", "ttl")).build(),
        onLimit);
  }

  /** Takes back one send of {@code hour} (a code SES or SNS refused), never below zero. */
  public void uncountOne(WriteTransaction tx, TenantId tenant, String hour, Supplier<? extends RuntimeException> onNone) {
    tx.update(ContactKeys.tenantSends(tenant, hour), "ADD sends :minus", Map.of(":minus", AttributeValue.fromN("-1")),
        Expression.builder().expression("sends > :zero").expressionValues(Map.of(":zero", AttributeValue.fromN("0")))
            .build(),
        onNone);
  }
}
