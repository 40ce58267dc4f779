package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.pm.data.TaskItem;
import com.coditect.pm.model.TaskStatus;
import org.junit.jupiter.api.Test;

/** The status times every task write sets: started_at once, completed_at while done. */
class TaskWritesTest {

  private static final String T1 = "2026-12-01T10:00:00.000Z";
  private static final String T2 = "2026-12-02T10:00:00.000Z";

  @Test
  void theFirstMoveIntoInProgressSetsStartedAtAndLaterMovesKeepIt() {
    TaskItem task = task(TaskStatus.IN_PROGRESS);
    TaskWrites.applyStatusTimes(task, TaskStatus.TODO, T1);
    assertEquals(T1, task.startedAt);
    task.status = TaskStatus.IN_REVIEW;
    TaskWrites.applyStatusTimes(task, TaskStatus.IN_PROGRESS, T2);
    task.status = TaskStatus.IN_PROGRESS;
    TaskWrites.applyStatusTimes(task, TaskStatus.IN_REVIEW, T2);
    assertEquals(T1, task.startedAt, "started_at is the first start, not the latest");
  }

  @Test
  void completedAtIsSetOnEnteringDoneKeptWhileDoneAndClearedOnLeaving() {
    TaskItem task = task(TaskStatus.DONE);
    TaskWrites.applyStatusTimes(task, TaskStatus.IN_REVIEW, T1);
    assertEquals(T1, task.completedAt);
    TaskWrites.applyStatusTimes(task, TaskStatus.DONE, T2);
    assertEquals(T1, task.completedAt, "a change to a done task keeps when it was completed");
    task.status = TaskStatus.TODO;
    TaskWrites.applyStatusTimes(task, TaskStatus.DONE, T2);
    assertNull(task.completedAt);
    assertNull(task.startedAt, "a task never in progress has no start");
  }

  @Test
  void aNewTaskCreatedDoneIsCompletedAtItsCreation() {
    TaskItem task = task(TaskStatus.DONE);
    TaskWrites.applyStatusTimes(task, null, T1);
    assertEquals(T1, task.completedAt);
  }

  private static TaskItem task(TaskStatus status) {
    TaskItem task = new TaskItem();
    task.status = status;
    return task;
  }
}
