package com.coditect.dms.data;

import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The list rows a document has (see {@link DmsKeys}): one per list it is in, so that each filter
 * of {@code GET /v1/documents} is one partition. A deleted document has only its row in the
 * tenant's deleted documents.
 */
public final class DocumentRows {

  /** Tags a document may carry: each is a list row written in every change of the document. */
  public static final int MAX_TAGS = 20;

  private DocumentRows() {}

  /** Every row of {@code document} to write with it, each keyed for its list. */
  public static List<DocumentItem> of(TenantId tenant, DocumentItem document) {
    String id = document.id();
    if (document.isDeleted()) {
      return List.of(document.rowAt(DmsKeys.deletedDocuments(tenant), id));
    }
    List<DocumentItem> rows = new ArrayList<>();
    rows.add(document.rowAt(DmsKeys.liveDocuments(tenant), id));
    rows.add(document.rowAt(DmsKeys.documentsInFolder(tenant, document.folderId()), id));
    rows.add(document.rowAt(DmsKeys.documentsByStatus(tenant, document.status().apiName()),
        document.updatedAt() + "#" + id));
    if (document.ownerId() != null) {
      rows.add(document.rowAt(DmsKeys.documentsOfOwner(tenant, document.ownerId()), id));
    }
    if (document.projectId() != null) {
      rows.add(document.rowAt(DmsKeys.documentsOfProject(tenant, document.projectId()), id));
    }
    if (document.checksum() != null) {
      rows.add(document.rowAt(DmsKeys.documentsByChecksum(tenant, document.checksum()), id));
    }
    for (String tag : new LinkedHashSet<>(document.tags())) {
      rows.add(document.rowAt(DmsKeys.documentsByTag(tenant, tag), id));
    }
    return rows;
  }
}
