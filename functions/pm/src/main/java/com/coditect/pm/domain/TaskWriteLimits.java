package com.coditect.pm.domain;

import com.coditect.pm.data.TaskItem;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.WriteTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a task write inside what DynamoDB accepts: no item over 400 KB, no transaction over 4 MB
 * or 100 parts. A write that would break one is a 422 naming the field the client can shrink,
 * where DynamoDB would refuse it with a ValidationException (a 500).
 *
 * <p>The API's field limits keep every write far inside today: a description of 50,000 characters
 * is at most 200,000 bytes of UTF-8, a title 2,000, the custom fields 4,096, 20 tags 1,000, and
 * the ancestor path is bounded by {@link ParentChain#MAX_DEPTH}, so a task item stays near half the
 * item limit; list rows leave those values out, and at most 20 tags (a row each) and a bounded
 * parent chain (a check each) keep the dearest PATCH under 100 parts. This is the guard that holds
 * if a limit is raised or an event or record grows, checked on the transaction as it will be sent.
 */
final class TaskWriteLimits {

  /** The task's client fields that weigh, by attribute; an ancestor path is placed by parent_task_id. */
  private static final Map<String, String> FIELDS = fields();

  private TaskWriteLimits() {}

  /** Refuses {@code tx}, the write of {@code task}, if DynamoDB would. */
  static void check(TaskItem task, WriteTransaction tx) {
    check(task, tx.size(), tx.largestItemBytes(), tx.bytes());
  }

  /**
   * Refuses a write of {@code task} in {@code parts} parts whose largest item is
   * {@code largestItemBytes} and whose items total {@code transactionBytes}: tags for too many
   * parts (each tag is a list row), else the heaviest of the task's fields.
   */
  static void check(TaskItem task, int parts, long largestItemBytes, long transactionBytes) {
    if (parts > WriteTransaction.MAX_PARTS) {
      throw UnprocessableException.forField("tags", "make this change write more than DynamoDB's "
          + WriteTransaction.MAX_PARTS + " items at once (each tag is a list row); change fewer tags at a time");
    }
    if (largestItemBytes > ItemSize.MAX_ITEM_BYTES) {
      throw UnprocessableException.forField(heaviestField(task), "makes the task or its event larger than DynamoDB's "
          + ItemSize.MAX_ITEM_BYTES + " bytes per item; shorten it");
    }
    if (transactionBytes > ItemSize.MAX_TRANSACTION_BYTES) {
      throw UnprocessableException.forField(heaviestField(task), "makes this change larger than DynamoDB's "
          + ItemSize.MAX_TRANSACTION_BYTES + " bytes per write; shorten it");
    }
  }

  /** The client field whose attribute weighs most in the task item (description when none is set). */
  static String heaviestField(TaskItem task) {
    // The task item measures itself (data/); which field the client can shrink is this rule's.
    Map<String, Long> weights = task.attributeBytes(List.copyOf(FIELDS.keySet()));
    String heaviest = "description";
    long most = -1;
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      long bytes = weights.get(field.getKey());
      if (bytes > most) {
        most = bytes;
        heaviest = field.getValue();
      }
    }
    return heaviest;
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("description", "description");
    fields.put("custom_fields", "custom_fields");
    fields.put("tags", "tags");
    fields.put("title", "title");
    fields.put("ancestor_ids", "parent_task_id");
    return fields;
  }
}
