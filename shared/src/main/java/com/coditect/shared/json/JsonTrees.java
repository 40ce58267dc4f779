package com.coditect.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Java values as Jackson trees and back, the way the platform's mapper ({@link Json#newMapper()})
 * would convert them, without building an {@code ObjectMapper}. Building one loads some 500
 * databind classes, over 100 ms of a fresh JVM; responses, events and cursors are records, maps,
 * lists and scalars, which need none of that machinery.
 *
 * <p>A record's properties are its components in declaration order, named snake_case unless a
 * {@code @JsonProperty} names them, and left out when null if marked
 * {@code @JsonInclude(NON_NULL)}: the only annotations the platform uses. Any other type (a bean,
 * an {@code Instant}, an {@code Optional}) is refused with an {@link IllegalArgumentException}
 * rather than written in some guessed form.
 */
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  /** A record type's properties, found once per type. */
  private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
    @Override
    protected List<Property> computeValue(Class<?> type) {
      List<Property> properties = new ArrayList<>();
      for (RecordComponent component : type.getRecordComponents()) {
        Method accessor = component.getAccessor();
        // Records nested in package-private types have accessors reflection may not call as is.
        accessor.setAccessible(true);
        JsonProperty named = accessor.getAnnotation(JsonProperty.class);
        JsonInclude include = accessor.getAnnotation(JsonInclude.class);
        String name = named != null && !named.value().isEmpty() ? named.value()
            : SNAKE_CASE.translate(component.getName());
        properties.add(new Property(name, accessor,
            include != null && include.value() == JsonInclude.Include.NON_NULL));
      }
      return List.copyOf(properties);
    }
  };

  private JsonTrees() {}

  /** The tree of {@code value}: null, a tree, text, number, boolean, enum, UUID, map, collection or record. */
  public static JsonNode of(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Enum<?> constant) {
      return NODES.textNode(constant.name());
    }
    if (value instanceof UUID id) {
      return NODES.textNode(id.toString());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, entry) -> object.set(String.valueOf(key), of(entry)));
      return object;
    }
    if (value instanceof Iterable<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(of(item)));
      return array;
    }
    if (value instanceof Record record) {
      return record(record);
    }
    throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
  }

  /**
   * The plain Java value of a tree: maps (in field order), lists, strings, numbers as their nodes
   * hold them, booleans and null; what Jackson's {@code convertValue(node, Object.class)} gives.
   */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        map.put(field.getKey(), plain(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    throw new IllegalArgumentException("no plain value for a " + node.getNodeType() + " node");
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    }
    if (number instanceof Long value) {
      return NODES.numberNode(value);
    }
    if (number instanceof Double value) {
      return NODES.numberNode(value);
    }
    if (number instanceof Float value) {
      return NODES.numberNode(value);
    }
    if (number instanceof BigInteger value) {
      return NODES.numberNode(value);
    }
    if (number instanceof BigDecimal value) {
      return NODES.numberNode(value);
    }
    throw new IllegalArgumentException("no JSON form for a " + number.getClass().getName());
  }

  private static ObjectNode record(Record record) {
    ObjectNode object = NODES.objectNode();
    for (Property property : PROPERTIES.get(record.getClass())) {
      Object value = property.read(record);
      if (value != null || !property.omitNull()) {
        object.set(property.name(), of(value));
      }
    }
    return object;
  }

  private record Property(String name, Method accessor, boolean omitNull) {
    Object read(Record record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + accessor, e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime
            : new IllegalStateException("cannot read " + accessor, e.getCause());
      }
    }
  }
}
