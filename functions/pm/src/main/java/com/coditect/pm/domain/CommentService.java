package com.coditect.pm.domain;

import com.coditect.pm.api.CommentResponse;
import com.coditect.pm.api.CreateCommentRequest;
import com.coditect.pm.api.UpdateCommentRequest;
import com.coditect.pm.data.CommentItem;
import com.coditect.pm.data.CommentRepository;
import com.coditect.pm.data.TaskChildRepository;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Comments on tasks: any role reads them, contributors write them, and only the author or a tenant
 * admin changes or deletes one. A comment's task must be live for anything to happen to it.
 */
@Singleton
public final class CommentService {

  private final TaskRepository tasks;
  private final CommentRepository comments;
  private final TaskChildRepository children;
  private final ActivityLog activity;
  private final MarkdownRenderer markdown;
  private final VersionedWriter writer;
  private final Clock clock;
  private final Resource<CommentItem, CommentResponse> resource;

  @Inject
  CommentService(TaskRepository tasks, CommentRepository comments, TaskChildRepository children, ActivityLog activity,
      MarkdownRenderer markdown, VersionedWriter writer, Clock clock) {
    this.tasks = tasks;
    this.comments = comments;
    this.children = children;
    this.activity = activity;
    this.markdown = markdown;
    this.writer = writer;
    this.clock = clock;
    this.resource = new Resource<>(comments, this::view, CommentItem::id, "comment");
  }

  /** The live comments of a live task, newest first: GetItem (the task) + Query. */
  public ResultPage<CommentResponse> list(Caller caller, String taskRef, PageRequest page) {
    TenantId tenant = caller.tenantId();
    String taskId = tasks.idOf(tenant, taskRef).orElseThrow(CommentService::taskNotFound);
    return comments.listLive(tenant, taskId, page).orElseThrow(CommentService::taskNotFound).map(this::view);
  }

  /**
   * Adds a comment: GetItem (the task, for its id and a 404) + one transaction holding the comment,
   * a check that the task is still live, its "commented" activity row and {@code comment.created}.
   */
  public Created<CommentResponse> create(Caller caller, String taskRef, CreateCommentRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    // The task and the Idempotency-Key's record in one read; a retried request ends with its first response.
    TaskChildRepository.TaskAndRecord read = children.findWithRecord(tenant, taskRef, idempotency.recordKey());
    IdempotencyClaim claim = idempotency.claim(read.idempotencyRecord());
    TaskItem task = read.task().orElseThrow(CommentService::taskNotFound);
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    CommentItem comment = CommentItem.builder()
        .meta(CommentRepository.newMeta(tenant, task.id(), id, now))
        .id(id)
        .taskId(task.id())
        .authorId(caller.userId())
        .content(request.content())
        .build();
    return writer.create(tenant, caller.actor(), resource, comment, location(comment), claim, tx -> {
      tasks.requireLive(tx, tenant, task.id(), CommentService::taskNotFound);
      activity.add(tx, tenant, task.id(), caller.userId(), "commented", null, null, comment.id(), now);
    });
  }

  /** Edits the content (created_at stays): one read (task + comment) + one transaction. */
  public Versioned<CommentResponse> update(Caller caller, String taskRef, String commentId, Optional<Long> ifMatch,
      UpdateCommentRequest request) {
    TenantId tenant = caller.tenantId();
    CommentItem comment = findLive(tenant, taskRef, commentId);
    requireAuthorOrAdmin(caller, comment);
    return writer.update(tenant, caller.actor(), resource, comment, ifMatch, "comment.updated",
        c -> c.withContent(request.content()),
        (changed, tx) -> tasks.requireLive(tx, tenant, comment.taskId(), CommentService::taskNotFound));
  }

  /** Soft delete: one read (task + comment) + one transaction with {@code comment.deleted}. */
  public void delete(Caller caller, String taskRef, String commentId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    CommentItem comment = findLive(tenant, taskRef, commentId);
    requireAuthorOrAdmin(caller, comment);
    writer.softDelete(tenant, caller.actor(), resource, comment, ifMatch, "comment.deleted", c -> c,
        tx -> tasks.requireLive(tx, tenant, comment.taskId(), CommentService::taskNotFound));
  }

  private CommentItem findLive(TenantId tenant, String taskRef, String commentId) {
    var found = children.find(tenant, taskRef, taskId -> CommentRepository.key(tenant, taskId, commentId),
        CommentItem.SCHEMA)
        .orElseThrow(CommentService::taskNotFound);
    return found.child().filter(c -> !c.isDeleted()).orElseThrow(CommentService::commentNotFound);
  }

  /** Members change only their own words; owners and admins moderate every comment. */
  private static void requireAuthorOrAdmin(Caller caller, CommentItem comment) {
    if (!caller.isAdmin() && !caller.userId().equals(comment.authorId())) {
      throw new ForbiddenException("Only the comment's author or an admin may change it.");
    }
  }

  private CommentResponse view(CommentItem comment) {
    return CommentResponse.from(comment, markdown.toHtml(comment.content()));
  }

  private static String location(CommentItem comment) {
    return "/v1/tasks/" + comment.taskId() + "/comments/" + comment.id();
  }

  static NotFoundException taskNotFound() {
    return new NotFoundException("The task was not found.");
  }

  private static NotFoundException commentNotFound() {
    return new NotFoundException("The comment was not found.");
  }
}
