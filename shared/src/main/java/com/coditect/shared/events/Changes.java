package com.coditect.shared.events;

import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Field-level differences between two views of a resource (its API records). */
public final class Changes {

  /** Fields that change on every write and would only add noise to an event. */
  private static final Set<String> IGNORED = Set.of("updated_at", "version");

  private Changes() {}

  /** Every top-level field whose value differs; {@code before == null} for a creation. */
  public static Map<String, FieldChange> between(Object before, Object after) {
    JsonNode old = JsonTrees.of(before);
    JsonNode now = JsonTrees.of(after);
    Set<String> names = new LinkedHashSet<>();
    collect(old, names);
    collect(now, names);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    for (String name : names) {
      if (IGNORED.contains(name)) {
        continue;
      }
      JsonNode a = old.path(name);
      JsonNode b = now.path(name);
      if (!normalised(a).equals(normalised(b))) {
        changes.put(name, new FieldChange(JsonTrees.plain(a), JsonTrees.plain(b)));
      }
    }
    return changes;
  }

  private static void collect(JsonNode node, Set<String> names) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
  }

  private static JsonNode normalised(JsonNode node) {
    return node.isMissingNode() ? NullNode.getInstance() : node;
  }
}
