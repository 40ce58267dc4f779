package com.coditect.dms.domain;

import com.coditect.dms.api.ActivityResponse;
import com.coditect.dms.data.DocumentActivityRepository;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.tenancy.Caller;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/** Document activity: per document (who may view the document) and per user (the spec's two indexes). */
@Singleton
public final class ActivityService {

  private final DocumentGuard guard;
  private final DocumentActivityRepository activity;

  @Inject
  ActivityService(DocumentGuard guard, DocumentActivityRepository activity) {
    this.guard = guard;
    this.activity = activity;
  }

  /**
   * A page of a document's activity, newest first: the document read with access ({@code view}),
   * then one Query. {@code action} and {@code userId} filter within the page read (see
   * DocumentActivityRepository#newestFirst).
   */
  public ResultPage<ActivityResponse> ofDocument(Caller caller, String documentId,
      @Nullable DocumentActivityAction action, @Nullable String userId, PageRequest page) {
    guard.require(caller, documentId, null, PermissionLevel.VIEW);
    return activity.newestFirst(caller.tenantId(), documentId, action, userId, page).map(ActivityResponse::from);
  }

  /**
   * A page of one user's document activity across the tenant, newest first: one Query on GSI1.
   * The user themself, or a tenant owner or admin (who may view every document), may read it:
   * the rows name documents, and only those two may see them all. No route serves it yet (API.md's
   * paths are fixed).
   */
  public ResultPage<ActivityResponse> ofUser(Caller caller, String userId, PageRequest page) {
    if (!caller.isAdmin() && !caller.userId().equals(userId)) {
      throw new ForbiddenException("Only the user themself or a tenant owner or admin may read a user's activity.");
    }
    return activity.ofUser(caller.tenantId(), userId, page).map(ActivityResponse::from);
  }
}
