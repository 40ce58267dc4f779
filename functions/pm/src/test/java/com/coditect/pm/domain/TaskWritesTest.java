package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.pm.data.TaskItem;
import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.store.ItemMeta;
import org.junit.jupiter.api.Test;

/** The status times every task write sets: started_at once, completed_at while done. */
class TaskWritesTest {

  private static final String T1 = "2026-12-01T10:00:00.000Z";
  private static final String T2 = "2026-12-02T10:00:00.000Z";

  @Test
  void theFirstMoveIntoInProgressSetsStartedAtAndLaterMovesKeepIt() {
    TaskItem task = task(TaskStatus.IN_PROGRESS);
    task = TaskWrites.applyStatusTimes(task, TaskStatus.TODO, T1);
    assertEquals(T1, task.startedAt());
    task = task.withStatus(TaskStatus.IN_REVIEW);
    task = TaskWrites.applyStatusTimes(task, TaskStatus.IN_PROGRESS, T2);
    task = task.withStatus(TaskStatus.IN_PROGRESS);
    task = TaskWrites.applyStatusTimes(task, TaskStatus.IN_REVIEW, T2);
    assertEquals(T1, task.startedAt(), "started_at is the first start, not the latest");
  }

  @Test
  void completedAtIsSetOnEnteringDoneKeptWhileDoneAndClearedOnLeaving() {
    TaskItem task = task(TaskStatus.DONE);
    task = TaskWrites.applyStatusTimes(task, TaskStatus.IN_REVIEW, T1);
    assertEquals(T1, task.completedAt());
    task = TaskWrites.applyStatusTimes(task, TaskStatus.DONE, T2);
    assertEquals(T1, task.completedAt(), "a change to a done task keeps when it was completed");
    task = task.withStatus(TaskStatus.TODO);
    task = TaskWrites.applyStatusTimes(task, TaskStatus.DONE, T2);
    assertNull(task.completedAt());
    assertNull(task.startedAt(), "a task never in progress has no start");
  }

  @Test
  void aNewTaskCreatedDoneIsCompletedAtItsCreation() {
    TaskItem task = task(TaskStatus.DONE);
    task = TaskWrites.applyStatusTimes(task, null, T1);
    assertEquals(T1, task.completedAt());
  }

  /** A task with {@code status} and nothing else of note (the required attributes are placeholders). */
  private static TaskItem task(TaskStatus status) {
    return TaskItem.builder()
        .meta(ItemMeta.builder().pk("T#t#TASK#k").sk("TASK").version(1L).build())
        .id("k")
        .key("ENG-1")
        .number(1)
        .projectId("p")
        .title("A task")
        .taskType(TaskType.TASK)
        .status(status)
        .priority(TaskPriority.MEDIUM)
        .reporterId("u")
        .build();
  }
}
