package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.pm.data.TaskItem;
import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.store.ItemMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain above a new parent, followed through the tasks' own links with their paths as read hints. */
class ParentChainTest {

  /** The stored tasks by id, and the reads made of them. */
  private final Map<String, TaskItem> stored = new HashMap<>();
  private final List<Collection<String>> reads = new ArrayList<>();

  @Test
  void aTopLevelParentIsTheWholeChainWithoutARead() {
    TaskItem parent = task("p", null);
    assertEquals(List.of(parent), ParentChain.above("t", parent, this::read));
    assertEquals(List.of(), reads);
  }

  @Test
  void currentPathsAreReadInOneCallNearestFirst() {
    task("a", null);
    task("b", "a");
    TaskItem c = task("c", "b");
    assertEquals(List.of("c", "b", "a"), ids(ParentChain.above("t", c, this::read)));
    assertEquals(1, reads.size());
  }

  @Test
  void aMoveRightAfterAnotherIsCheckedAgainstTheLinksNotTheStalePaths() {
    // B hangs under A; A was just moved under C; B's path still says [A] (refresh not run yet).
    task("c", null);
    task("a", "c");
    TaskItem b = store(task("b", "a").withAncestorIds(List.of("a")));
    // Moving C under B: C is above B through A's new link.
    UnprocessableException cycle = assertThrows(UnprocessableException.class,
        () -> ParentChain.above("c", b, this::read));
    assertEquals("parent_task_id", cycle.errors().get(0).field());
  }

  @Test
  void aStalePathCostsOneMoreReadPerStaleStep() {
    task("x", null);
    task("a", "x");
    TaskItem b = store(task("b", "a").withAncestorIds(List.of("a")));
    assertEquals(List.of("b", "a", "x"), ids(ParentChain.above("t", b, this::read)));
    assertEquals(2, reads.size(), "a's own path names x");
  }

  @Test
  void theTaskItselfOrOneOfItsSubtasksIsACycle() {
    TaskItem self = task("t", null);
    assertEquals("parent_task_id", assertThrows(UnprocessableException.class,
        () -> ParentChain.above("t", self, this::read)).errors().get(0).field());
    task("s", "t");
    TaskItem grandchild = task("g", "s");
    assertThrows(UnprocessableException.class, () -> ParentChain.above("t", grandchild, this::read));
  }

  @Test
  void aLoopAlreadyStoredIsRefusedInsteadOfFollowedForever() {
    task("x", "y");
    TaskItem y = store(task("y", "x").withAncestorIds(List.of()));
    assertEquals("parent_task_id", assertThrows(UnprocessableException.class,
        () -> ParentChain.above("t", y, this::read)).errors().get(0).field());
  }

  @Test
  void aTaskSitsAtMostMaxDepthLevelsBelowItsTopLevelTask() {
    TaskItem deepest = task("d0", null);
    for (int level = 1; level < ParentChain.MAX_DEPTH; level++) {
      deepest = task("d" + level, "d" + (level - 1));
    }
    // Under d9 a task is 10 levels deep: allowed.
    assertEquals(ParentChain.MAX_DEPTH, ParentChain.above("t", deepest, this::read).size());
    TaskItem tooDeep = task("d" + ParentChain.MAX_DEPTH, deepest.id());
    assertEquals("parent_task_id", assertThrows(UnprocessableException.class,
        () -> ParentChain.above("t", tooDeep, this::read)).errors().get(0).field());
  }

  @Test
  void aDeletedTaskStillLinksAndAMissingOneEndsTheChain() {
    TaskItem gone = task("gone", null);
    store(gone.withMeta(gone.meta().withDeletedAt("2026-12-01T00:00:00.000Z")));
    TaskItem child = task("child", "gone");
    assertEquals(List.of("child", "gone"), ids(ParentChain.above("t", child, this::read)));
    assertThrows(UnprocessableException.class, () -> ParentChain.above("gone", child, this::read));

    TaskItem orphan = task("orphan", "never-stored");
    assertEquals(List.of("orphan"), ids(ParentChain.above("t", orphan, this::read)));
  }

  /** A stored task under {@code parentId}, its path made from what is stored above it (current). */
  private TaskItem task(String id, String parentId) {
    List<String> path = new ArrayList<>();
    for (String up = parentId; up != null && stored.containsKey(up) && path.size() < 50; up = stored.get(up).parentTaskId()) {
      path.add(0, up);
    }
    // Only the links and the path matter here; the other required attributes are placeholders.
    return store(TaskItem.builder()
        .meta(ItemMeta.builder().pk("T#t#TASK#" + id).sk("TASK").version(1L).build())
        .id(id)
        .key("ENG-1")
        .number(1)
        .projectId("p")
        .title("Task " + id)
        .taskType(TaskType.TASK)
        .status(TaskStatus.TODO)
        .priority(TaskPriority.MEDIUM)
        .reporterId("u")
        .parentTaskId(parentId)
        .ancestorIds(List.copyOf(path))
        .build());
  }

  /** Stores {@code task} (in place of the one with its id) and returns it. */
  private TaskItem store(TaskItem task) {
    stored.put(task.id(), task);
    return task;
  }

  private Map<String, TaskItem> read(Collection<String> ids) {
    reads.add(List.copyOf(ids));
    Map<String, TaskItem> found = new LinkedHashMap<>();
    ids.forEach(id -> {
      if (stored.containsKey(id)) {
        found.put(id, stored.get(id));
      }
    });
    return found;
  }

  private static List<String> ids(List<TaskItem> tasks) {
    return tasks.stream().map(TaskItem::id).toList();
  }
}
