package com.coditect.audit.data;

import com.coditect.audit.api.AuditReviewFilters;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads audit reviews by the access patterns of docs/access-patterns.md (AR1-AR3). */
@Singleton
public final class AuditReviewRepository extends ItemRepository<AuditReviewItem> {

  private final Queries queries;

  @Inject
  public AuditReviewRepository(SingleTable table, Queries queries) {
    super(table, AuditReviewItem.SCHEMA);
    this.queries = queries;
  }


  /** A review of the tenant: one GetItem. */
  public Optional<AuditReviewItem> find(TenantId tenant, String reviewId) {
    return Optional.ofNullable(table.getItem(AuditKeys.review(tenant, reviewId)));
  }

  /**
   * One page of the tenant's reviews, newest first: one Query. Reviewer and status together are
   * the spec's (reviewer, status) index, GSI2; otherwise the by-time list, GSI1, narrowed by a
   * filter expression on the one filter given (a page may then hold fewer than {@code limit}).
   */
  public ResultPage<AuditReviewItem> list(TenantId tenant, AuditReviewFilters filters, PageRequest page) {
    String scope = tenant.value() + "#audit-reviews#" + filters.describe();
    if (filters.reviewerId().isPresent() && filters.status().isPresent()) {
      String partition = AuditKeys.reviewsOf(tenant, filters.reviewerId().get(), filters.status().get());
      return queries.page(table, ItemMeta.GSI2, keyEquals(partition), page, scope, true);
    }
    List<String> conditions = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    filters.reviewerId().ifPresent(reviewer -> {
      conditions.add("#reviewer = :reviewer");
      names.put("#reviewer", "reviewer_id");
      values.put(":reviewer", AttributeValue.fromS(reviewer));
    });
    filters.status().ifPresent(status -> {
      // status is a DynamoDB reserved word, hence the alias.
      conditions.add("#status = :status");
      names.put("#status", "status");
      values.put(":status", AttributeValue.fromS(status.apiName()));
    });
    Expression filter = conditions.isEmpty() ? null : Expression.builder()
        .expression(String.join(" AND ", conditions)).expressionNames(names).expressionValues(values).build();
    return queries.page(table, ItemMeta.GSI1, keyEquals(AuditKeys.reviews(tenant)), filter, page, scope, true);
  }

  /**
   * Adds to {@code tx} a check that {@code userId}, who is to conduct a review, is a live user of
   * the tenant; the transaction fails with {@code onMissing} otherwise.
   */
  public void requireLiveReviewer(WriteTransaction tx, TenantId tenant, String userId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.user(tenant, userId), onMissing);
  }

  /** The common attributes of a new review of the tenant at {@code now} (its key; index keys by {@link #indexed}). */
  public static ItemMeta newMeta(TenantId tenant, String reviewId, String now) {
    return ItemMeta.created(AuditKeys.review(tenant, reviewId), AuditKeys.REVIEW, now);
  }

  /** {@code review} with its index keys set from its creation time, reviewer and status. */
  public static AuditReviewItem indexed(TenantId tenant, AuditReviewItem review) {
    String byCreation = AuditKeys.byCreation(review.createdAt(), review.id());
    AuditReviewItem listed = review.withIndex1(AuditKeys.reviews(tenant), byCreation);
    return review.reviewerId() == null
        ? listed.withIndex2(null, null)
        : listed.withIndex2(AuditKeys.reviewsOf(tenant, review.reviewerId(), review.status()), byCreation);
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}
