package com.coditect.bench.json;

import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * One fresh JVM's first JSON write: builds a sample of the record class {@code args[1]} and writes
 * it once with the writer {@code args[0]} ({@code none}, {@code shared-json}, {@code jackson-jr},
 * {@code databind}), then prints how long the write took and how many classes the JVM loaded.
 */
public final class JsonWriteOnce {

  static final String MARKER = "json-write";

  private JsonWriteOnce() {}

  public static void main(String[] args) throws Exception {
    Object value = sample(Class.forName(args[1]), 0);
    long start = System.nanoTime();
    String text = write(args[0], value);
    long micros = (System.nanoTime() - start) / 1000;
    System.out.println(MARKER + " " + micros + " " + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()
        + " " + text.length());
  }

  static String write(String writer, Object value) throws JsonProcessingException {
    return switch (writer) {
      case "none" -> "";
      case "shared-json" -> JsonText.write(value);
      case "jackson-jr" -> JacksonJrWriter.write(value);
      case "databind" -> Json.newMapper().writeValueAsString(value);
      default -> throw new IllegalArgumentException("no writer " + writer);
    };
  }

  /** A value of {@code type} with something in every component (nested records to a few levels). */
  static Object sample(Type type, int depth) throws ReflectiveOperationException {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : type instanceof Class<?> c ? c : String.class;
    if (raw == String.class || raw == Object.class) {
      return "text \"quoted\" ü";
    }
    if (raw == int.class || raw == Integer.class) {
      return 42;
    }
    if (raw == long.class || raw == Long.class) {
      return 9_007_199_254_740_993L;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == double.class || raw == Double.class) {
      return 0.1;
    }
    if (JsonNode.class.isAssignableFrom(raw)) {
      return JsonNodeFactory.instance.objectNode().put("n", 1).put("d", 2.5).putNull("none");
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (List.class.isAssignableFrom(raw)) {
      Object element = sample(argument(type, 0), depth + 1);
      return element == null ? List.of() : List.of(element);
    }
    if (Map.class.isAssignableFrom(raw)) {
      Object entry = sample(argument(type, 1), depth + 1);
      return entry == null ? Map.of() : Map.of("key_one", entry);
    }
    if (!raw.isRecord() || depth > 3) {
      return null;
    }
    RecordComponent[] components = raw.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sample(components[i].getGenericType(), depth + 1);
    }
    Constructor<?> constructor = raw.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor.newInstance(values);
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : String.class;
  }
}
