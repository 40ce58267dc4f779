package com.coditect.dms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.error.UnprocessableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentLifecycleTest {

  @Test
  void allowsExactlyTheDocumentedMoves() {
    List<String> allowed = new ArrayList<>();
    for (DocumentStatus from : DocumentStatus.values()) {
      for (DocumentStatus to : DocumentStatus.values()) {
        if (DocumentLifecycle.allows(from, to)) {
          allowed.add(from.apiName() + "->" + to.apiName());
        }
      }
    }
    assertEquals(List.of("draft->draft", "draft->published", "published->published", "published->archived",
        "archived->published", "archived->archived"), allowed);
  }

  @Test
  void anIllegalMoveIs422NamingStatus() {
    UnprocessableException e = assertThrows(UnprocessableException.class,
        () -> DocumentLifecycle.checkMove(DocumentStatus.PUBLISHED, DocumentStatus.DRAFT));
    assertEquals("status", e.errors().get(0).field());
  }
}
