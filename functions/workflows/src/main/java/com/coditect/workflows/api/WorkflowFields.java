package com.coditect.workflows.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The field rules a workflow's create and update share. A definition and its triggers are checked
 * here for their shape only (JSON types, known members): a draft may be incomplete, and whether it
 * makes a sound workflow is {@code DefinitionValidator}'s to say (422), at validate and publish.
 */
public final class WorkflowFields {

  public static final int NAME_MAX = 255;
  public static final int DESCRIPTION_MAX = 10_000;

  private static final Set<String> DEFINITION_MEMBERS = Set.of("nodes", "edges");
  private static final Set<String> NODE_MEMBERS = Set.of("id", "type", "name", "config");
  private static final Set<String> EDGE_MEMBERS = Set.of("from", "to", "condition", "on");
  private static final Set<String> TRIGGER_MEMBERS = Set.of("type", "expression", "pattern");

  private WorkflowFields() {}

  /** {@code {"nodes": [{id, type, name, config}], "edges": [{from, to, condition, on}]}}, any member optional. */
  static void checkDefinition(JsonFields fields, ObjectNode definition) {
    members(fields, "definition", definition, DEFINITION_MEMBERS);
    list(fields, "definition.nodes", definition.get("nodes"), NODE_MEMBERS, (where, node) -> {
      text(fields, where + ".id", node.get("id"));
      text(fields, where + ".type", node.get("type"));
      text(fields, where + ".name", node.get("name"));
      JsonNode config = node.get("config");
      if (config != null && !config.isObject()) {
        fields.error(where + ".config", "must be an object");
      }
    });
    list(fields, "definition.edges", definition.get("edges"), EDGE_MEMBERS, (where, edge) -> {
      text(fields, where + ".from", edge.get("from"));
      text(fields, where + ".to", edge.get("to"));
      text(fields, where + ".condition", edge.get("condition"));
      text(fields, where + ".on", edge.get("on"));
    });
  }

  /** {@code [{"type", "expression"?, "pattern"?}]}. */
  static void checkTriggers(JsonFields fields, ArrayNode triggers) {
    list(fields, "triggers", triggers, TRIGGER_MEMBERS, (where, trigger) -> {
      if (trigger.get("type") == null) {
        fields.error(where + ".type", "is required");
      }
      text(fields, where + ".type", trigger.get("type"));
      text(fields, where + ".expression", trigger.get("expression"));
      JsonNode pattern = trigger.get("pattern");
      if (pattern != null && !pattern.isObject()) {
        fields.error(where + ".pattern", "must be an object");
      }
    });
  }

  private interface Element {
    void check(String where, ObjectNode element);
  }

  private static void list(JsonFields fields, String name, JsonNode list, Set<String> members, Element element) {
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      fields.error(name, "must be an array");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String where = name + "[" + i + "]";
      if (!list.get(i).isObject()) {
        fields.error(where, "must be an object");
        continue;
      }
      members(fields, where, list.get(i), members);
      element.check(where, (ObjectNode) list.get(i));
    }
  }

  private static void members(JsonFields fields, String where, JsonNode object, Set<String> members) {
    object.fieldNames().forEachRemaining(member -> {
      if (!members.contains(member)) {
        fields.error(where + "." + member, "is not a known field");
      }
    });
  }

  private static void text(JsonFields fields, String name, JsonNode value) {
    if (value != null && !value.isTextual()) {
      fields.error(name, "must be a string");
    }
  }
}
