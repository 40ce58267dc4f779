package com.coditect.pm.domain;

import com.coditect.pm.api.AttachmentResponse;
import com.coditect.pm.api.CreateAttachmentRequest;
import com.coditect.pm.data.AttachmentItem;
import com.coditect.pm.data.AttachmentRepository;
import com.coditect.pm.data.AttachmentStorage;
import com.coditect.pm.data.TaskChildRepository;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.model.AttachmentStatus;
import com.coditect.shared.config.PmConfig;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.PayloadTooLargeException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.log.Log;
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
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Files attached to tasks. The bytes never pass through the function: a create returns a presigned
 * PUT, and the first read of a pending attachment confirms the object with one {@code HeadObject}
 * before handing out a presigned GET. Any role reads; contributors attach; only the uploader or a
 * tenant admin removes.
 */
@Singleton
public final class AttachmentService {

  private static final Log LOG = Log.forClass(AttachmentService.class);
  private static final String RESOURCE_TYPE = "attachment";

  private final TaskRepository tasks;
  private final AttachmentRepository attachments;
  private final TaskChildRepository children;
  private final AttachmentStorage storage;
  private final ActivityLog activity;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final long maxBytes;

  @Inject
  AttachmentService(TaskRepository tasks, AttachmentRepository attachments, TaskChildRepository children,
      AttachmentStorage storage, ActivityLog activity, Transactions transactions, Outbox outbox, Clock clock,
      PmConfig config) {
    this.tasks = tasks;
    this.attachments = attachments;
    this.children = children;
    this.storage = storage;
    this.activity = activity;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.maxBytes = config.maxAttachmentBytes();
  }

  /** A live task's attachments, pending ones included, newest first: GetItem (the task) + Query. */
  public ResultPage<AttachmentResponse> list(Caller caller, String taskRef, PageRequest page) {
    TenantId tenant = caller.tenantId();
    String taskId = tasks.idOf(tenant, taskRef).orElseThrow(CommentService::taskNotFound);
    return attachments.list(tenant, taskId, page).orElseThrow(CommentService::taskNotFound)
        .map(AttachmentResponse::from);
  }

  /**
   * Records a pending attachment and returns where to upload it: GetItem (the task) + one
   * transaction with the attachment, a check that the task is still live, its "attachment_added"
   * activity row and {@code attachment.created}. The upload URL is signed locally.
   */
  public Created<AttachmentResponse> create(Caller caller, String taskRef, CreateAttachmentRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    if (request.fileSizeBytes() > maxBytes) {
      throw PayloadTooLargeException.forField("file_size_bytes", "must be at most " + maxBytes + " bytes");
    }
    // The task and the Idempotency-Key's record in one read; a retried request ends with its first response.
    TaskChildRepository.TaskAndRecord read = children.findWithRecord(tenant, taskRef, idempotency.recordKey());
    IdempotencyClaim claim = idempotency.claim(read.idempotencyRecord());
    TaskItem task = read.task().orElseThrow(CommentService::taskNotFound);
    String now = Timestamps.now(clock);
    String id = Ids.newId();
    AttachmentItem attachment = AttachmentItem.builder()
        .meta(AttachmentRepository.newMeta(tenant, task.id(), id, now))
        .id(id)
        .taskId(task.id())
        .uploaderId(caller.userId())
        .filename(request.filename())
        .filePath(AttachmentStorage.objectKey(tenant, task.id(), id))
        .fileSizeBytes(request.fileSizeBytes())
        .mimeType(request.mimeType())
        .sha256(request.sha256())
        .status(AttachmentStatus.PENDING)
        .build();

    AttachmentResponse view = AttachmentResponse.from(attachment);
    WriteTransaction tx = transactions.begin();
    attachments.create(tx, attachment, () -> new IllegalStateException("attachment id collision"));
    tasks.requireLive(tx, tenant, task.id(), CommentService::taskNotFound);
    activity.add(tx, tenant, task.id(), caller.userId(), "attachment_added", null, null, attachment.filename(), now);
    outbox.record(tx, tenant, caller.actor(), RESOURCE_TYPE + ".created", RESOURCE_TYPE, attachment.id(), null, view);
    // The upload URL is part of the response an Idempotency-Key replays, not of the event.
    Created<AttachmentResponse> created = new Created<>(location(attachment), view.withUpload(
        storage.presignUpload(attachment.filePath(), attachment.mimeType(), attachment.fileSizeBytes(),
            attachment.sha256())),
        attachment.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * One attachment with a download URL: one read (task + attachment). A pending one is first
   * confirmed with one {@code HeadObject} and, when the object matches, one transaction marking it
   * available with {@code attachment.updated}.
   */
  public Versioned<AttachmentResponse> get(Caller caller, String taskRef, String attachmentId) {
    AttachmentItem found = find(caller.tenantId(), taskRef, attachmentId);
    AttachmentItem attachment = found.isPending() ? confirmUpload(caller.tenantId(), caller.actor(), found) : found;
    AttachmentResponse view = AttachmentResponse.from(attachment)
        .withDownload(storage.presignDownload(attachment.filePath(), attachment.filename()));
    return new Versioned<>(view, attachment.version());
  }

  /**
   * Removes the record and the object: one read (task + attachment), one transaction with the
   * "attachment_removed" activity row and {@code attachment.deleted}, then one {@code DeleteObject}.
   */
  public void delete(Caller caller, String taskRef, String attachmentId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    AttachmentItem attachment = find(tenant, taskRef, attachmentId);
    if (!caller.isAdmin() && !caller.userId().equals(attachment.uploaderId())) {
      throw new ForbiddenException("Only the attachment's uploader or an admin may remove it.");
    }
    Preconditions.checkIfMatch(ifMatch, attachment.version());
    WriteTransaction tx = transactions.begin();
    attachments.delete(tx, tenant, attachment, Preconditions.stale(ifMatch.isPresent()));
    tasks.requireLive(tx, tenant, attachment.taskId(), CommentService::taskNotFound);
    activity.add(tx, tenant, attachment.taskId(), caller.userId(), "attachment_removed", null, attachment.filename(), null,
        Timestamps.now(clock));
    outbox.record(tx, tenant, caller.actor(), RESOURCE_TYPE + ".deleted", RESOURCE_TYPE, attachment.id(),
        AttachmentResponse.from(attachment), null);
    tx.commit();
    // After the commit: if this fails, an orphaned object costs storage but no record points at it;
    // the other order could leave a record whose file is gone.
    try {
      storage.delete(attachment.filePath());
    } catch (RuntimeException e) {
      LOG.error("attachment object not deleted", e, "attachment_id", attachment.id());
    }
  }

  /**
   * Pending -> available when S3 holds an object of the announced size (and, when S3 reports one,
   * the announced SHA-256). The presigned PUT already makes S3 refuse any other file; this check
   * is what a store that does not verify signatures or checksums (moto) still enforces. Returns the
   * attachment as available.
   */
  private AttachmentItem confirmUpload(TenantId tenant, Actor actor, AttachmentItem attachment) {
    StoredObject stored = storage.head(attachment.filePath()).orElseThrow(() -> new ConflictException(
        "The upload of attachment " + attachment.id() + " is not finished: PUT the file to its upload URL first.",
        List.of(new FieldError("attachment_id", "upload not finished"))));
    if (stored.sizeBytes() != attachment.fileSizeBytes()) {
      throw UnprocessableException.forField("file_size_bytes", "the uploaded file has " + stored.sizeBytes()
          + " bytes, not the announced " + attachment.fileSizeBytes());
    }
    String expected = AttachmentStorage.base64Sha256(attachment.sha256());
    if (stored.sha256Base64().isPresent() && !stored.sha256Base64().get().equals(expected)) {
      throw UnprocessableException.forField("sha256", "the uploaded file's SHA-256 is not the announced one");
    }
    AttachmentResponse before = AttachmentResponse.from(attachment);
    AttachmentItem available = attachment.withStatus(AttachmentStatus.AVAILABLE).nextVersion(Timestamps.now(clock));
    WriteTransaction tx = transactions.begin();
    attachments.replace(tx, available, attachment.version(), AlreadyConfirmed::new);
    outbox.record(tx, tenant, actor, RESOURCE_TYPE + ".updated", RESOURCE_TYPE, attachment.id(), before,
        AttachmentResponse.from(available));
    try {
      tx.commit();
    } catch (AlreadyConfirmed e) {
      // A concurrent read confirmed the same object first (the only other change a pending
      // attachment can see is its deletion, after which serving a dead link is harmless).
    }
    return available;
  }

  private AttachmentItem find(TenantId tenant, String taskRef, String attachmentId) {
    var found = children.find(tenant, taskRef, taskId -> AttachmentRepository.key(tenant, taskId, attachmentId),
        AttachmentItem.SCHEMA).orElseThrow(CommentService::taskNotFound);
    return found.child().orElseThrow(() -> new NotFoundException("The attachment was not found."));
  }

  private static String location(AttachmentItem attachment) {
    return "/v1/tasks/" + attachment.taskId() + "/attachments/" + attachment.id();
  }

  /** The confirming write lost to another confirmation of the same version. */
  private static final class AlreadyConfirmed extends RuntimeException {
    AlreadyConfirmed() {
      super(null, null, false, false);
    }
  }
}
