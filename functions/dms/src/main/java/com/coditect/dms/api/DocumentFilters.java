package com.coditect.dms.api;

import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.error.BadRequestException;
import java.util.Optional;

/**
 * The query parameters of {@code GET /v1/documents}. Each filter is a list partition of its own;
 * the list reads the partition of the first one set in this order: checksum, folder_id,
 * project_id, owner_id, tag, status. Any further filter is applied to the page it read (so such a
 * page may hold fewer documents than asked for, with a cursor to the next). {@code folder_id=root}
 * lists the documents in no folder; {@code status=deleted} the soft-deleted ones, which no other
 * list shows.
 */
public record DocumentFilters(Optional<String> checksum, Optional<String> folderId, Optional<String> projectId,
    Optional<String> ownerId, Optional<String> tag, Optional<DocumentStatus> status) {

  public static final String ROOT = "root";

  public DocumentFilters {
    checksum.ifPresent(value -> {
      if (!DocumentFields.SHA256_HEX.matcher(value).matches()) {
        throw BadRequestException.forField("checksum", "must be a SHA-256 as 64 lower-case hexadecimal digits");
      }
    });
    tag.ifPresent(value -> {
      if (value.length() > DocumentFields.TAG_MAX || !DocumentFields.TAG.matcher(value).matches()) {
        throw BadRequestException.forField("tag", DocumentFields.TAG_RULE);
      }
    });
    tag = tag.map(value -> DocumentFields.normalised(java.util.List.of(value)).get(0));
  }

  /** True when the documents in no folder are asked for. */
  public boolean atRoot() {
    return folderId.filter(ROOT::equals).isPresent();
  }
}
