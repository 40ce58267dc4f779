package com.coditect.dms.data;

import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * What deciding a caller's access to one document needs, read in as few calls as the data allows:
 * one {@code BatchGetItem} of the document, the caller's teams and (when asked) one of its
 * versions, then one consistent {@code GetItem} of its folder when it is in one (its id is on the
 * document).
 */
@Singleton
public final class DocumentAccessReads {

  /** The document (empty: none), the caller's teams, the version asked for, the document's folder. */
  public record Read(Optional<DocumentItem> document, List<String> callerTeams, Optional<VersionFileItem> version,
      @Nullable FolderItem folder) {}

  private final DmsBatchReads batch;
  private final FolderRepository folders;

  @Inject
  public DocumentAccessReads(DmsBatchReads batch, FolderRepository folders) {
    this.batch = batch;
    this.folders = folders;
  }

  public Read read(TenantId tenant, String documentId, String userId, @Nullable Long versionNumber) {
    Key document = DmsKeys.document(tenant, documentId);
    Key teams = DmsKeys.memberTeams(tenant, userId);
    List<Key> keys = new ArrayList<>(List.of(document, teams));
    Key version = versionNumber == null ? null : DmsKeys.version(tenant, documentId, versionNumber);
    if (version != null) {
      keys.add(version);
    }
    DmsBatchReads.Found found = batch.get(keys);
    Optional<DocumentItem> doc = found.document(document);
    List<String> callerTeams = found.memberTeams(teams).map(MemberTeamsItem::teamIds).orElse(List.of());
    FolderItem folder = doc.map(DocumentItem::folderId).flatMap(id -> folders.find(tenant, id)).orElse(null);
    return new Read(doc, callerTeams, version == null ? Optional.empty() : found.version(version), folder);
  }
}
