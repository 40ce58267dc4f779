package com.coditect.dms.domain;

import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.error.UnprocessableException;
import java.util.Map;
import java.util.Set;

/**
 * Which status moves a PATCH may make. A document is written as a draft, published, and archived
 * when it is no longer current; an archived document may be published again. Nothing goes back to
 * draft, a draft is published before it is archived, and {@code deleted} is reached only by DELETE
 * (and left only by restore). Staying where it is, is no move and always allowed.
 */
public final class DocumentLifecycle {

  private static final Map<DocumentStatus, Set<DocumentStatus>> MOVES = Map.of(
      DocumentStatus.DRAFT, Set.of(DocumentStatus.PUBLISHED),
      DocumentStatus.PUBLISHED, Set.of(DocumentStatus.ARCHIVED),
      DocumentStatus.ARCHIVED, Set.of(DocumentStatus.PUBLISHED),
      DocumentStatus.DELETED, Set.of());

  private DocumentLifecycle() {}

  public static boolean allows(DocumentStatus from, DocumentStatus to) {
    return from == to && from != DocumentStatus.DELETED || MOVES.get(from).contains(to);
  }

  /** A 422 naming {@code status} unless the move is legal. */
  public static void checkMove(DocumentStatus from, DocumentStatus to) {
    if (!allows(from, to)) {
      throw UnprocessableException.forField("status", "a " + from.apiName() + " document cannot become "
          + to.apiName() + " (draft -> published -> archived, archived -> published)");
    }
  }
}
