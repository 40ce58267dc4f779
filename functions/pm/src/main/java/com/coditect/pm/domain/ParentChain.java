package com.coditect.pm.domain;

import com.coditect.pm.data.TaskItem;
import com.coditect.shared.error.UnprocessableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a task may be placed in the subtask tree. The chain above a new parent is followed through
 * the tasks' own {@code parent_task_id} links, not taken from the parent's {@code ancestor_ids}:
 * those are refreshed asynchronously after a move, so right after "A under C" a child B of A still
 * says its ancestors are [A], and "C under B" would pass a look at them and close a loop. The
 * parent's {@code ancestor_ids} only say which tasks to read together: when they are current (the
 * usual case) the whole chain is one read; each stale step costs one more.
 *
 * <p>A task sits at most {@value #MAX_DEPTH} levels below its top-level task. That is well beyond
 * an epic, story, task, sub-task hierarchy, keeps the chain to one small read, and bounds the
 * ancestor path a task item carries and the checks a move adds to its transaction: each task of the
 * chain is checked there to still hang where it was read, and the dearest PATCH stays within
 * DynamoDB's 100 parts. Subtasks moved along with a task are not re-measured (that would mean
 * reading the whole subtree); they may end deeper, and only a later move under them is refused.
 */
final class ParentChain {

  /** The most levels a task may sit below its top-level task (its ancestor path's length). */
  static final int MAX_DEPTH = 10;

  private ParentChain() {}

  /** Reads tasks by id, deleted or not; ids it does not find are absent from the answer. One call per use. */
  interface Reader {
    Map<String, TaskItem> read(Collection<String> ids);
  }

  /**
   * The chain above the place under {@code parent}: the parent, its parent, ... up to a top-level
   * task, nearest first. Deleted tasks in it count (their subtasks still hang below them).
   *
   * @throws UnprocessableException naming {@code parent_task_id} when {@code movingTaskId} is in
   *     the chain (the move would make a cycle), when the chain already loops, or when the task
   *     would sit more than {@value #MAX_DEPTH} levels deep
   */
  static List<TaskItem> above(String movingTaskId, TaskItem parent, Reader reader) {
    Map<String, TaskItem> read = new HashMap<>();
    List<TaskItem> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    TaskItem current = parent;
    while (true) {
      if (current.id().equals(movingTaskId)) {
        throw UnprocessableException.forField("parent_task_id",
            "is this task or one of its subtasks: that would be a cycle");
      }
      if (!seen.add(current.id())) {
        throw UnprocessableException.forField("parent_task_id",
            "hangs in a loop of tasks; move one of them to the top level first");
      }
      chain.add(current);
      if (chain.size() > MAX_DEPTH) {
        throw UnprocessableException.forField("parent_task_id",
            "would put this task more than " + MAX_DEPTH + " levels below its top-level task");
      }
      String up = current.parentTaskId();
      if (up == null) {
        return chain;
      }
      if (!read.containsKey(up)) {
        read.putAll(reader.read(wanted(up, current, read.keySet())));
      }
      TaskItem next = read.get(up);
      if (next == null) {
        // A parent that is gone entirely (tasks are only soft-deleted, so this is not expected)
        // ends the chain: nothing above it can hang below the moving task.
        return chain;
      }
      current = next;
    }
  }

  /** {@code up} and what {@code below} says is above it, nearest first, at most a chain's worth, not read yet. */
  private static Set<String> wanted(String up, TaskItem below, Set<String> alreadyRead) {
    Set<String> wanted = new LinkedHashSet<>();
    wanted.add(up);
    List<String> claimed = below.ancestorIds() == null ? List.of() : below.ancestorIds();
    for (int i = claimed.size() - 1; i >= 0 && wanted.size() <= MAX_DEPTH; i--) {
      wanted.add(claimed.get(i));
    }
    wanted.removeAll(alreadyRead);
    return wanted;
  }
}
