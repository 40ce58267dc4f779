package com.coditect.dms.domain;

import com.coditect.dms.api.DocumentResponse;
import com.coditect.dms.data.DmsReads;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository.DocumentList;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Changes to documents driven by other domains' events: the spec's SET_NULL of a document's
 * project when the project is deleted, and of its folder when the folder is deleted for good.
 */
@Singleton
public final class DocumentFollowUps {

  static final Actor ACTOR = Actor.system("dms-document-follow-ups");
  private static final int PAGE = 50;

  private final DocumentRepository documents;
  private final DmsReads reads;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  DocumentFollowUps(DocumentRepository documents, DmsReads reads, Transactions transactions, Outbox outbox,
      Clock clock) {
    this.documents = documents;
    this.reads = reads;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Every document of the deleted project loses its project: the project's list, page by page, and
   * per document one transaction (the document and its rows, {@code document.updated}). Idempotent:
   * a document that no longer names the project is left alone, and the list shrinks as it runs.
   */
  public int projectDeleted(TenantId tenant, String projectId) {
    return clear(tenant, DocumentList.OF_PROJECT, projectId, d -> projectId.equals(d.projectId()),
        d -> d.withProjectId(null));
  }

  /** As {@link #projectDeleted}, for a folder deleted for good: its documents move to the top. */
  public int folderPurged(TenantId tenant, String folderId) {
    return clear(tenant, DocumentList.IN_FOLDER, folderId, d -> folderId.equals(d.folderId()),
        d -> d.withFolderId(null));
  }

  private int clear(TenantId tenant, DocumentList list, String value, java.util.function.Predicate<DocumentItem> names,
      java.util.function.UnaryOperator<DocumentItem> change) {
    int changed = 0;
    // Each pass reads the list's first page again: the documents changed leave it.
    while (true) {
      ResultPage<DocumentItem> rows = documents.rows(tenant, list, value, new PageRequest(PAGE, Optional.empty()));
      List<String> ids = rows.items().stream().map(DocumentItem::id).toList();
      DmsReads.Plan plan = reads.plan(tenant);
      ids.forEach(plan::document);
      List<DocumentItem> found = plan.read().documents(ids);
      int before = changed;
      for (DocumentItem document : found) {
        if (!names.test(document)) {
          continue;
        }
        String now = Timestamps.now(clock);
        DocumentItem after = change.apply(document).nextVersion(now);
        WriteTransaction tx = transactions.begin();
        documents.replaceWithRows(tx, tenant, document, after, StaleDocument::new);
        outbox.record(tx, tenant, ACTOR, "document.updated", VersionWrites.RESOURCE_TYPE, document.id(),
            DocumentResponse.from(document), DocumentResponse.from(after));
        try {
          tx.commit();
          changed++;
        } catch (StaleDocument e) {
          // Changed meanwhile: the next pass reads it again.
        }
      }
      if (rows.items().isEmpty() || changed == before && rows.nextCursor() == null) {
        return changed;
      }
      if (changed == before) {
        // Only rows of documents that no longer name it (a row written late); nothing more to do.
        return changed;
      }
    }
  }

  private static final class StaleDocument extends RuntimeException {
    StaleDocument() {
      super(null, null, false, false);
    }
  }
}
