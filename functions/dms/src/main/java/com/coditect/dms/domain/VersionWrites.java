package com.coditect.dms.domain;

import com.coditect.dms.api.DocumentResponse;
import com.coditect.dms.data.ContentRepository;
import com.coditect.dms.data.DmsUsageItem;
import com.coditect.dms.data.DmsUsageRepository;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.dms.data.DocumentStorage;
import com.coditect.dms.data.DocumentVersionItem;
import com.coditect.dms.data.DocumentVersionRepository;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The parts of one transaction that make a version current: the version item (its key is the
 * (document, version_number) uniqueness), the document with its file fields and rows, one more use
 * of the content (new content: its item, and the tenant's storage counter grown by its size), the
 * {@code uploaded} activity row and the events {@code document.version_created} and, when the
 * counter changed, {@code storage.changed}.
 */
@Singleton
public final class VersionWrites {

  public static final String RESOURCE_TYPE = "document";

  private final DocumentRepository documents;
  private final DocumentVersionRepository versions;
  private final ContentRepository contents;
  private final DmsUsageRepository usage;
  private final ActivityLog activity;
  private final Outbox outbox;

  @Inject
  VersionWrites(DocumentRepository documents, DocumentVersionRepository versions, ContentRepository contents,
      DmsUsageRepository usage, ActivityLog activity, Outbox outbox) {
    this.documents = documents;
    this.versions = versions;
    this.contents = contents;
    this.usage = usage;
    this.activity = activity;
    this.outbox = outbox;
  }

  /** The file a new version holds, and what it says of itself. */
  public record NewVersion(long number, String fileName, String mimeType, long sizeBytes, String checksum,
      String changeSummary, Long restoredFrom) {}

  /** How the content of the new version stands: already the tenant's, or new with the counter as read. */
  public record ContentUse(boolean isNew, DmsUsageItem usageRead) {

    public static ContentUse existing() {
      return new ContentUse(false, null);
    }

    public static ContentUse fresh(DmsUsageItem usageRead) {
      return new ContentUse(true, usageRead);
    }
  }

  /** The document as it is with {@code version} current (not yet versioned or written). */
  public static DocumentItem withVersion(TenantId tenant, DocumentItem document, NewVersion version, String userId) {
    return document.withCurrentVersion(version.number())
        .withFileName(version.fileName())
        .withMimeType(version.mimeType())
        .withFileSizeBytes(version.sizeBytes())
        .withChecksum(version.checksum())
        .withFilePath(DocumentStorage.contentKey(tenant, version.checksum()))
        .withUpdatedBy(userId);
  }

  /**
   * Adds the parts. {@code before} is the document as read (null when it is created in this same
   * transaction); {@code after} is what {@link #withVersion} made of it, already versioned.
   *
   * @param onRace what a concurrent change of the document, the content or the counter means
   */
  public void add(WriteTransaction tx, TenantId tenant, Actor actor, DocumentItem before, DocumentItem after,
      NewVersion version, ContentUse content, String now, Supplier<? extends RuntimeException> onRace) {
    String versionId = Ids.newId();
    versions.create(tx, DocumentVersionItem.builder()
        .meta(DocumentVersionRepository.newMeta(tenant, after.id(), version.number(), now))
        .id(versionId)
        .documentId(after.id())
        .versionNumber(version.number())
        .filePath(DocumentStorage.contentKey(tenant, version.checksum()))
        .fileName(version.fileName())
        .mimeType(version.mimeType())
        .fileSizeBytes(version.sizeBytes())
        .checksum(version.checksum())
        .changeSummary(version.changeSummary())
        .restoredFrom(version.restoredFrom())
        .createdBy(actor.userId())
        .build(), () -> versionTaken(version.number()));
    if (before == null) {
      documents.createWithRows(tx, tenant, after, () -> new IllegalStateException("document id collision"));
    } else {
      documents.replaceWithRows(tx, tenant, before, after, onRace);
    }
    if (content.isNew()) {
      contents.createFirstUse(tx, tenant, version.checksum(), version.sizeBytes(), now, onRace);
      DmsUsageItem read = content.usageRead();
      long old = read == null ? 0 : read.storageUsedBytes();
      DmsUsageItem written = usage.change(tx, tenant, read, old + version.sizeBytes(), now, onRace);
      Map<String, FieldChange> changes = new LinkedHashMap<>();
      changes.put("storage_used_bytes", new FieldChange(old, written.storageUsedBytes()));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("storage_used_bytes", written.storageUsedBytes());
      detail.put("sequence", written.version());
      outbox.recordWithDetail(tx, tenant, actor, "storage.changed", "dms_usage", tenant.value(), changes, detail);
    } else {
      contents.addUse(tx, tenant, version.checksum(), onRace);
    }
    activity.add(tx, tenant, actor, after.id(), DocumentActivityAction.UPLOADED, now);
    outbox.record(tx, tenant, actor, "document.version_created", RESOURCE_TYPE, after.id(),
        before == null ? null : DocumentResponse.from(before), DocumentResponse.from(after));
  }

  /** A 409 naming the version: another request created it first. */
  public static ConflictException versionTaken(long number) {
    return new ConflictException("Version " + number + " of this document exists already.",
        List.of(new FieldError("version_number", "exists already")));
  }
}
