package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.pm.data.TaskItem;
import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.WriteTransaction;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** DynamoDB's limits on a task write, at their boundaries, and the field a refusal names. */
class TaskWriteLimitsTest {

  @Test
  void aHundredPartsPassAndOneMoreIsRefusedNamingTags() {
    TaskItem task = task();
    assertDoesNotThrow(() -> TaskWriteLimits.check(task, WriteTransaction.MAX_PARTS, 1000, 10_000));
    assertRefused("tags", () -> TaskWriteLimits.check(task, WriteTransaction.MAX_PARTS + 1, 1000, 10_000));
  }

  @Test
  void anItemOfExactly400KbPassesAndOneByteMoreIsRefusedNamingTheHeaviestField() {
    TaskItem task = task().withDescription("x".repeat(300_000));
    assertDoesNotThrow(() -> TaskWriteLimits.check(task, 40, ItemSize.MAX_ITEM_BYTES, 1_000_000));
    assertRefused("description", () -> TaskWriteLimits.check(task, 40, ItemSize.MAX_ITEM_BYTES + 1, 1_000_000));
  }

  @Test
  void aTransactionOfExactly4MbPassesAndOneByteMoreIsRefused() {
    TaskItem task = task().withCustomFields("{\"notes\":\"" + "n".repeat(5000) + "\"}");
    assertDoesNotThrow(() -> TaskWriteLimits.check(task, 40, 10_000, ItemSize.MAX_TRANSACTION_BYTES));
    assertRefused("custom_fields", () -> TaskWriteLimits.check(task, 40, 10_000, ItemSize.MAX_TRANSACTION_BYTES + 1));
  }

  @Test
  void theRefusalNamesWhatWeighsMost() {
    TaskItem task = task();
    assertEquals("title", TaskWriteLimits.heaviestField(task), "only a title set");
    task = task.withTags(Collections.nCopies(20, "t".repeat(50)));
    assertEquals("tags", TaskWriteLimits.heaviestField(task));
    task = task.withDescription("d".repeat(2000));
    assertEquals("description", TaskWriteLimits.heaviestField(task));
    task = task.withAncestorIds(Collections.nCopies(100, "0191d3f2-7a00-7000-8000-000000000001"));
    assertEquals("parent_task_id", TaskWriteLimits.heaviestField(task), "a long ancestor path is the parent's doing");
  }

  @Test
  void theTransactionAsItWillBeSentIsWhatIsChecked() {
    TaskItem task = task().withDescription("x".repeat(ItemSize.MAX_ITEM_BYTES));
    // Nothing in the transaction yet: checked as sent, an empty write passes whatever the task holds.
    assertDoesNotThrow(() -> TaskWriteLimits.check(task, 0, 0, 0));
  }

  private static TaskItem task() {
    // The attributes that weigh are set as a new task has them; the other required ones are placeholders.
    return TaskItem.builder()
        .meta(ItemMeta.builder().pk("T#t#TASK#k").sk("TASK").version(1L).build())
        .id("0191d3f2-7a00-7000-8000-0000000000aa")
        .key("ENG-1")
        .number(1)
        .projectId("p")
        .title("A task worth naming")
        .taskType(TaskType.TASK)
        .status(TaskStatus.TODO)
        .priority(TaskPriority.MEDIUM)
        .reporterId("u")
        .tags(List.of())
        .customFields("{}")
        .ancestorIds(List.of())
        .build();
  }

  private static void assertRefused(String field, Executable check) {
    UnprocessableException refused = assertThrows(UnprocessableException.class, check);
    assertEquals(List.of(field), refused.errors().stream().map(error -> error.field()).toList());
  }
}
