package com.coditect.pm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.domain.Choice;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The choice lists of sprints, milestones, boards and attachments spell the spec's values in the
 * spec's order: the table, the events, the index keys and the 400 messages ("must be one of: ...")
 * all depend on both.
 */
class PmChoicesTest {

  @Test
  void sprintStatusesAreTheSpecsInItsOrder() {
    assertEquals(List.of("planned", "active", "completed", "cancelled"), Choice.apiNames(SprintStatus.class));
  }

  @Test
  void milestoneStatusesAreTheSpecsInItsOrder() {
    assertEquals(List.of("open", "in_progress", "completed", "cancelled"), Choice.apiNames(MilestoneStatus.class));
  }

  @Test
  void boardTypesAreTheSpecsInItsOrder() {
    assertEquals(List.of("kanban", "scrum", "custom"), Choice.apiNames(BoardType.class));
  }

  @Test
  void attachmentStatusesArePendingThenAvailable() {
    assertEquals(List.of("pending", "available"), Choice.apiNames(AttachmentStatus.class));
  }

  @Test
  void aMultiWordStatusIsReadFromItsApiSpelling() {
    assertEquals(MilestoneStatus.IN_PROGRESS, Choice.fromApiName(MilestoneStatus.class, "in_progress").orElseThrow());
  }
}
