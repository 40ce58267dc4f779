package com.coditect.audit.domain;

import com.coditect.audit.api.CreateAuditReviewRequest;
import com.coditect.audit.api.AuditReviewFilters;
import com.coditect.audit.api.AuditReviewResponse;
import com.coditect.audit.api.UpdateAuditReviewRequest;
import com.coditect.audit.data.AuditReviewItem;
import com.coditect.audit.data.AuditReviewRepository;
import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.json.Patch;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Audit reviews: a reviewer (auditor, owner or admin) opens one {@code in_progress} over a date
 * scope, records findings and recommendations, and closes it {@code completed} or
 * {@code cancelled}. A closed review is final: it is the evidence compliance reports cite, so
 * nothing in it changes afterwards (a correction is a new review).
 */
@Singleton
public final class AuditReviewService {

  static final String RESOURCE_TYPE = "audit_review";

  private final AuditReviewRepository reviews;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Resource<AuditReviewItem, AuditReviewResponse> resource;

  @Inject
  AuditReviewService(AuditReviewRepository reviews, Clock clock, VersionedWriter writer, Transactions transactions,
      Outbox outbox) {
    this.reviews = reviews;
    this.clock = clock;
    this.writer = writer;
    this.transactions = transactions;
    this.outbox = outbox;
    this.resource = new Resource<>(reviews, AuditReviewResponse::from, AuditReviewItem::id, RESOURCE_TYPE);
  }

  /** The tenant's reviews, newest first, optionally of one reviewer and/or status: one Query. */
  public ResultPage<AuditReviewResponse> list(Caller caller, AuditReviewFilters filters, PageRequest page) {
    return reviews.list(caller.tenantId(), filters, page).map(AuditReviewResponse::from);
  }

  public Versioned<AuditReviewResponse> get(Caller caller, String reviewId) {
    AuditReviewItem review = find(caller.tenantId(), reviewId);
    return new Versioned<>(AuditReviewResponse.from(review), review.version());
  }

  /**
   * A review in progress, conducted by the caller: one transaction with the review, a check that
   * the caller is a live user of the tenant (the reviewer reference), the event and the
   * idempotency record.
   */
  public Created<AuditReviewResponse> create(Caller caller, CreateAuditReviewRequest request, IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    requireScopeOrder(request.scopeStartDate(), request.scopeEndDate());
    String reviewId = Ids.newId();
    AuditReviewItem review = AuditReviewRepository.indexed(tenant, AuditReviewItem.builder()
        .meta(AuditReviewRepository.newMeta(tenant, reviewId, Timestamps.now(clock)))
        .id(reviewId)
        .reviewerId(caller.userId())
        .reviewType(request.reviewType())
        .scopeStartDate(request.scopeStartDate().toString())
        .scopeEndDate(request.scopeEndDate().toString())
        .status(AuditReviewStatus.IN_PROGRESS)
        .findings(request.findings())
        .recommendations(request.recommendations())
        .build());
    return writer.create(tenant, caller.actor(), resource, review, "/v1/audit-reviews/" + review.id(), claim,
        tx -> reviews.requireLiveReviewer(tx, tenant, caller.userId(), AuditReviewService::reviewerNotLive));
  }

  /**
   * Changes a review in progress, conditional on the version read. The reviewer changes their own
   * review; owners and admins may change anyone's (another auditor may read it, not change it).
   * Moving to {@code completed} sets {@code completed_at}; the event is then
   * {@code audit_review.completed} (or {@code .cancelled}), else {@code audit_review.updated}. A
   * change that changes nothing writes nothing, also on a closed review, so a retried completion
   * answers 200 rather than 422.
   */
  public Versioned<AuditReviewResponse> update(Caller caller, String reviewId, Optional<Long> ifMatch,
      UpdateAuditReviewRequest request) {
    TenantId tenant = caller.tenantId();
    AuditReviewItem read = find(tenant, reviewId);
    if (!caller.isAdmin() && !caller.userId().equals(read.reviewerId())) {
      throw new ForbiddenException("Only the review's reviewer, an owner or an admin may change it.");
    }
    Preconditions.checkIfMatch(ifMatch, read.version());

    Patch<String> start = request.scopeStartDate().map(LocalDate::toString);
    Patch<String> end = request.scopeEndDate().map(LocalDate::toString);
    // Status first: on a closed review, reopening it is the change worth naming.
    List<FieldPatch> patches = List.of(
        new FieldPatch("status", request.status().map(Choice::apiName), read.status().apiName()),
        new FieldPatch("review_type", request.reviewType().map(Choice::apiName), read.reviewType().apiName()),
        new FieldPatch("scope_start_date", start, read.scopeStartDate()),
        new FieldPatch("scope_end_date", end, read.scopeEndDate()),
        new FieldPatch("findings", request.findings(), read.findings()),
        new FieldPatch("recommendations", request.recommendations(), read.recommendations()));
    Optional<FieldPatch> firstChange = patches.stream().filter(FieldPatch::changes).findFirst();
    AuditReviewResponse before = AuditReviewResponse.from(read);
    if (firstChange.isEmpty()) {
      return new Versioned<>(before, read.version());
    }
    if (read.status() != AuditReviewStatus.IN_PROGRESS) {
      throw UnprocessableException.forField(firstChange.get().name(), "cannot change: the review is "
          + read.status().apiName() + ", and a completed or cancelled review is final");
    }

    AuditReviewItem edited = read
        .withStatus(request.status().orElse(read.status()))
        .withReviewType(request.reviewType().orElse(read.reviewType()))
        .withScopeStartDate(start.orElse(read.scopeStartDate()))
        .withScopeEndDate(end.orElse(read.scopeEndDate()))
        .withFindings(request.findings().orElse(read.findings()))
        .withRecommendations(request.recommendations().orElse(read.recommendations()));
    requireScopeOrder(LocalDate.parse(edited.scopeStartDate()), LocalDate.parse(edited.scopeEndDate()));

    // Written here rather than by VersionedWriter.update, which stamps updated_at itself: completing
    // must give completed_at and updated_at the same instant.
    String now = Timestamps.now(clock);
    if (edited.status() == AuditReviewStatus.COMPLETED) {
      edited = edited.withCompletedAt(now);
    }
    AuditReviewItem changed = AuditReviewRepository.indexed(tenant, edited.nextVersion(now));
    AuditReviewResponse after = AuditReviewResponse.from(changed);
    String action = changed.status() == read.status() ? "updated" : changed.status().apiName();

    WriteTransaction tx = transactions.begin();
    reviews.replace(tx, changed, read.version(), Preconditions.stale(ifMatch.isPresent()));
    outbox.record(tx, tenant, caller.actor(), RESOURCE_TYPE + "." + action, RESOURCE_TYPE, read.id(), before, after);
    tx.commit();
    return new Versioned<>(after, changed.version());
  }

  /** One field a PATCH may send: its API name, what was sent, and the stored value. */
  private record FieldPatch(String name, Patch<String> patch, String stored) {
    boolean changes() {
      return patch.isPresent() && !Objects.equals(patch.value(), stored);
    }
  }

  private AuditReviewItem find(TenantId tenant, String reviewId) {
    return reviews.find(tenant, reviewId).orElseThrow(() -> new NotFoundException("The audit review was not found."));
  }

  // A schema-valid body that breaks a rule of the data is a 422, as for a sprint's start and end dates.
  private static void requireScopeOrder(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw UnprocessableException.forField("scope_end_date", "must not be before scope_start_date (" + start + ")");
    }
  }

  private static ForbiddenException reviewerNotLive() {
    return new ForbiddenException("Your user is not a live user of this tenant, so it cannot conduct a review.");
  }
}
