package com.coditect.dms.domain;

import com.coditect.dms.api.CompleteVersionRequest;
import com.coditect.dms.api.CreateVersionRequest;
import com.coditect.dms.api.DocumentResponse;
import com.coditect.dms.api.VersionResponse;
import com.coditect.dms.data.DmsReads.Found;
import com.coditect.dms.data.DmsReads;
import com.coditect.dms.data.DmsUsageItem;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentStorage;
import com.coditect.dms.data.DocumentVersionItem;
import com.coditect.dms.data.DocumentVersionRepository;
import com.coditect.dms.data.PendingUploadItem;
import com.coditect.dms.data.PendingUploadRepository;
import com.coditect.dms.domain.DocumentGuard.Loaded;
import com.coditect.dms.domain.Uploads.Announced;
import com.coditect.dms.domain.VersionWrites.ContentUse;
import com.coditect.dms.domain.VersionWrites.NewVersion;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.files.DocumentsBucket.UploadedPart;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A document's versions: list them, start the next one (an upload, or Box's promote of an earlier
 * version's content), complete an upload after checking the stored bytes, and download any version.
 */
@Singleton
public final class VersionService {

  private static final Log LOG = Log.forClass(VersionService.class);
  /** Completes that lose a race for new content or the storage counter read again and retry. */
  static final int COMPLETE_ATTEMPTS = 4;

  private final DocumentVersionRepository versions;
  private final PendingUploadRepository pendingUploads;
  private final DmsReads reads;
  private final DocumentGuard guard;
  private final Uploads uploads;
  private final VersionWrites versionWrites;
  private final DocumentStorage storage;
  private final ActivityLog activity;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  VersionService(DocumentVersionRepository versions, PendingUploadRepository pendingUploads, DmsReads reads,
      DocumentGuard guard, Uploads uploads, VersionWrites versionWrites, DocumentStorage storage,
      ActivityLog activity, Transactions transactions, Outbox outbox, Clock clock) {
    this.versions = versions;
    this.pendingUploads = pendingUploads;
    this.reads = reads;
    this.guard = guard;
    this.uploads = uploads;
    this.versionWrites = versionWrites;
    this.storage = storage;
    this.activity = activity;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The document's versions, newest first: its read and one Query of its partition. */
  public ResultPage<VersionResponse> list(Caller caller, String documentId, PageRequest page) {
    DocumentItem document = guard.load(caller, documentId, p -> p, false).document();
    return versions.newestFirst(caller.tenantId(), document.id(), page).map(VersionResponse::from);
  }

  /**
   * Starts version {@code current + 1} (needs edit). With {@code source_version}, that version's
   * content becomes the new current version at once; with a file the tenant already holds, the
   * same. Otherwise a pending upload is written (one PutItem) and the answer says where to send
   * the bytes. The read is the document's, with the source version or the content item.
   */
  public Created<DocumentResponse> start(Caller caller, String documentId, CreateVersionRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    Loaded loaded = guard.load(caller, documentId, p -> request.sourceVersion() != null
        ? p.version(documentId, request.sourceVersion()) : p.content(request.file().checksum()), false);
    DocumentItem document = loaded.document();
    DocumentGuard.require(loaded.access(), PermissionLevel.EDIT, "add a version");
    long number = document.currentVersion() + 1;
    String now = Timestamps.now(clock);
    String location = "/v1/documents/" + document.id();
    NewVersion next;
    if (request.sourceVersion() != null) {
      DocumentVersionItem source = loaded.found().version(documentId, request.sourceVersion()).orElseThrow(() -> NotFoundException.forField(
          "source_version", "the document has no version " + request.sourceVersion()));
      next = new NewVersion(number, source.fileName(), source.mimeType(), source.fileSizeBytes(), source.checksum(),
          request.changeSummary(), source.versionNumber());
    } else if (loaded.found().content(request.file().checksum()).isPresent()) {
      next = new NewVersion(number, request.file().fileName(), request.file().mimeType(),
          request.file().fileSizeBytes(), request.file().checksum(), request.changeSummary(), null);
    } else {
      Announced announced = uploads.announce(tenant, document.id(), number, request.file(), request.changeSummary(),
          caller.userId(), now);
      WriteTransaction tx = transactions.begin();
      pendingUploads.announce(tx, announced.pending());
      Created<DocumentResponse> created = new Created<>(location,
          DocumentResponse.from(document).withUpload(number, announced.upload()), document.version());
      claim.attach(tx, created);
      tx.commit();
      return created;
    }
    DocumentItem after = VersionWrites.withVersion(tenant, document, next, caller.userId()).nextVersion(now);
    WriteTransaction tx = transactions.begin();
    versionWrites.add(tx, tenant, caller.actor(), document, after, next, ContentUse.existing(), now,
        () -> new ConflictException("The document changed meanwhile; send the request again."));
    Created<DocumentResponse> created = new Created<>(location, DocumentResponse.from(after).withUpload(number, null),
        after.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /**
   * Makes an uploaded version current once its bytes are checked (needs edit). Reads: the
   * document with its pending upload, the version and the counter (one BatchGetItem), then the
   * content item (and, for a caller whose role does not decide, the folder) in a second. S3:
   * {@code CompleteMultipartUpload} for a multipart upload, {@code HeadObject}, a streamed
   * {@code GetObject} when S3 holds no SHA-256 of the whole file, {@code CopyObject} to the content
   * key when the content is new, and {@code DeleteObject} of the staged bytes. Then one transaction
   * ({@link VersionWrites}). A size or checksum mismatch is a 422 naming the field: the staged
   * bytes and the pending upload are removed and no version exists. A complete of a version that
   * exists already answers the document as it is (idempotent).
   */
  public Versioned<DocumentResponse> complete(Caller caller, String documentId, long number,
      CompleteVersionRequest request) {
    TenantId tenant = caller.tenantId();
    Loaded loaded = guard.load(caller, documentId,
        p -> p.pendingUpload(documentId, number).version(documentId, number).usage(), false);
    DocumentItem document = loaded.document();
    DocumentGuard.require(loaded.access(), PermissionLevel.EDIT, "add a version");
    if (loaded.found().version(documentId, number).isPresent()) {
      return new Versioned<>(DocumentResponse.from(document), document.version());
    }
    long nowSeconds = clock.instant().getEpochSecond();
    PendingUploadItem pending = loaded.found().pendingUpload(documentId, number).filter(p -> !p.isExpired(nowSeconds))
        .orElseThrow(() -> NotFoundException.forField("version_number",
            "no upload is pending for version " + number + " (announce it with POST .../versions)"));
    if (document.currentVersion() + 1 != number) {
      throw ConflictException.forField("version_number", "the document is at version " + document.currentVersion()
          + "; announce the next version again");
    }
    // Whether parts belong depends on how the upload was announced, which the schema cannot state: 422.
    if (pending.multipartUploadId() != null) {
      finishMultipart(tenant, pending, request);
    } else if (request.parts() != null) {
      throw UnprocessableException.forField("parts", "only a multipart upload is completed with parts");
    }
    verify(tenant, pending);
    Found content = reads.plan(tenant).content(pending.checksum()).read();
    Optional<DmsUsageItem> usage = loaded.found().usage();
    NewVersion next = new NewVersion(number, pending.fileName(), pending.mimeType(), pending.fileSizeBytes(),
        pending.checksum(), pending.changeSummary(), null);
    for (int attempt = 1; ; attempt++) {
      boolean isNew = content.content(pending.checksum()).isEmpty();
      if (isNew) {
        storage.copy(pending.stagingKey(), DocumentStorage.contentKey(tenant, pending.checksum()));
      }
      String now = Timestamps.now(clock);
      DocumentItem after = VersionWrites.withVersion(tenant, document, next, caller.userId()).nextVersion(now);
      WriteTransaction tx = transactions.begin();
      versionWrites.add(tx, tenant, caller.actor(), document, after, next,
          isNew ? ContentUse.fresh(usage.orElse(null)) : ContentUse.existing(), now, Race::new);
      pendingUploads.finish(tx, tenant, pending, Race::new);
      try {
        tx.commit();
      } catch (Race race) {
        if (attempt == COMPLETE_ATTEMPTS) {
          throw new ConflictException("The document, its upload or the tenant's storage changed meanwhile; "
              + "send the request again.");
        }
        // Another upload of the same bytes, or of other new bytes, counted first: read both again.
        Found again = reads.plan(tenant).content(pending.checksum()).usage().document(documentId)
            .pendingUpload(documentId, number).read();
        content = again;
        usage = again.usage();
        document = again.document(documentId).orElseThrow(DocumentGuard::notFound);
        pending = again.pendingUpload(documentId, number).orElseThrow(() -> VersionWrites.versionTaken(number));
        continue;
      }
      deleteStaged(pending.stagingKey());
      return new Versioned<>(DocumentResponse.from(after), after.version());
    }
  }

  private void finishMultipart(TenantId tenant, PendingUploadItem pending, CompleteVersionRequest request) {
    if (request.parts() == null) {
      throw UnprocessableException.forField("parts", "a multipart upload is completed with its parts' ETags");
    }
    if (request.parts().size() != pending.partCount()) {
      throw UnprocessableException.forField("parts", "this upload has " + pending.partCount() + " parts");
    }
    List<UploadedPart> parts = new ArrayList<>();
    request.parts().forEach(part -> parts.add(new UploadedPart(part.partNumber(), part.etag(), part.checksumSha256())));
    try {
      storage.completeMultipart(pending.stagingKey(), pending.multipartUploadId(), parts);
    } catch (S3Exception e) {
      if (e.statusCode() != 400 && e.statusCode() != 404) {
        throw e;
      }
      // As for a mismatch: the upload is discarded (its parts with it) and must be announced again.
      try {
        storage.abortMultipart(pending.stagingKey(), pending.multipartUploadId());
      } catch (S3Exception gone) {
        LOG.error("multipart upload not aborted; the bucket's rule aborts it", gone, "key", pending.stagingKey());
      }
      discard(tenant, pending);
      throw new UnprocessableException("S3 refused to join the parts: " + e.awsErrorDetails().errorCode() + ".",
          List.of(new FieldError("parts", "do not match the uploaded parts")));
    }
  }

  /**
   * The staged bytes must be the announced ones: the size from {@code HeadObject}, the SHA-256 from
   * S3's checksum of the whole object when it has one (a single PUT, which S3 verified on arrival),
   * else read back and hashed here (multipart objects only have a checksum of part checksums).
   */
  private void verify(TenantId tenant, PendingUploadItem pending) {
    StoredObject stored = storage.head(pending.stagingKey()).orElseThrow(() -> ConflictException.forField(
        "version_number", "the upload is not finished: send the bytes to the upload URL first"));
    if (stored.sizeBytes() != pending.fileSizeBytes()) {
      reject(tenant, pending, "file_size_bytes", "the uploaded file has " + stored.sizeBytes()
          + " bytes, not the announced " + pending.fileSizeBytes());
    }
    boolean matches = pending.multipartUploadId() == null && stored.sha256Base64().isPresent()
        ? stored.sha256Base64().get().equals(DocumentStorage.base64Sha256(pending.checksum()))
        : storage.sha256Hex(pending.stagingKey()).equals(pending.checksum());
    if (!matches) {
      reject(tenant, pending, "checksum", "the uploaded file's SHA-256 is not the announced one");
    }
  }

  /** Removes the staged bytes and the pending upload, then answers 422 naming {@code field}. */
  private void reject(TenantId tenant, PendingUploadItem pending, String field, String message) {
    storage.delete(pending.stagingKey());
    discard(tenant, pending);
    throw UnprocessableException.forField(field, message);
  }

  /** Removes the pending upload (one DeleteItem), unless it was announced again meanwhile. */
  private void discard(TenantId tenant, PendingUploadItem pending) {
    WriteTransaction tx = transactions.begin();
    pendingUploads.finish(tx, tenant, pending, Race::new);
    try {
      tx.commit();
    } catch (Race race) {
      // Announced again meanwhile: the new announcement stays.
    }
  }

  private void deleteStaged(String key) {
    // After the commit: a failure leaves staged bytes that the bucket's staging expiry removes.
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.error("staged upload not deleted", e, "key", key);
    }
  }

  /**
   * A short-lived download URL of the current version or of {@code ?version=} (needs view),
   * recording {@code downloaded} and {@code document.downloaded}: its read (with the version) and
   * one transaction; the URL is presigned locally.
   */
  public PresignedRequest content(Caller caller, String documentId, Optional<Long> version) {
    TenantId tenant = caller.tenantId();
    Loaded loaded = guard.load(caller, documentId, p -> version.map(n -> p.version(documentId, n)).orElse(p), false);
    DocumentItem document = loaded.document();
    String key;
    String fileName;
    long number;
    if (version.isPresent()) {
      DocumentVersionItem found = loaded.found().version(documentId, version.get()).orElseThrow(() -> NotFoundException.forField(
          "version", "the document has no version " + version.get()));
      key = found.filePath();
      fileName = found.fileName();
      number = found.versionNumber();
    } else {
      if (document.currentVersion() == 0) {
        throw new NotFoundException("The document has no content yet: its first upload is not complete.");
      }
      key = document.filePath();
      fileName = document.fileName();
      number = document.currentVersion();
    }
    PresignedRequest url = storage.presignDownload(key, fileName);
    WriteTransaction tx = transactions.begin();
    activity.add(tx, tenant, caller.actor(), document.id(), DocumentActivityAction.DOWNLOADED, Timestamps.now(clock));
    outbox.record(tx, tenant, caller.actor(), "document.downloaded", VersionWrites.RESOURCE_TYPE, document.id(),
        Map.of("version_number", new FieldChange(null, number)));
    tx.commit();
    return url;
  }

  /** A write lost a race with another write of the same items. */
  private static final class Race extends RuntimeException {
    Race() {
      super(null, null, false, false);
    }
  }
}
