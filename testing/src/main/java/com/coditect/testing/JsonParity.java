package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks that {@link JsonText#write} writes a function's response records exactly as the
 * platform's Jackson mapper ({@link Json#newMapper()}) wrote them before responses stopped going
 * through it: every record of a package (but its request bodies and filters) gets an instance with a sample
 * value in every component, and both texts must be equal.
 */
public final class JsonParity {

  private static final ObjectMapper DATABIND = Json.newMapper();

  private JsonParity() {}

  /**
   * Every record class compiled into {@code packageName} (from the classes directory of
   * {@code anchor}'s module), checked; returns how many, so a test can assert it found them.
   */
  public static int assertPackageWritesLikeDatabind(Class<?> anchor, String packageName) {
    List<Class<?>> records = recordsIn(anchor, packageName);
    assertFalse(records.isEmpty(), "no records in " + packageName);
    records.forEach(JsonParity::assertWritesLikeDatabind);
    return records.size();
  }

  /** One instance of {@code type} with sample values, written both ways. */
  public static void assertWritesLikeDatabind(Class<?> type) {
    Object value = sample(type, type, 0);
    try {
      assertEquals(DATABIND.writeValueAsString(value), JsonText.write(value), type.getName());
    } catch (JsonProcessingException e) {
      throw new AssertionError("databind cannot write " + type.getName(), e);
    }
  }

  /** A value of {@code type}; nested records are filled to a few levels, then left null. */
  private static Object sample(Type type, Class<?> owner, int depth) {
    Class<?> raw = raw(type);
    if (raw == String.class || raw == Object.class) {
      return "text \"quoted\" ü " + owner.getSimpleName();
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
      var node = JsonNodeFactory.instance.objectNode();
      node.put("n", 1).put("d", 2.5).putNull("none").putArray("list").add("a").add(3L);
      return node;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (List.class.isAssignableFrom(raw)) {
      Object element = sample(argument(type, 0), owner, depth + 1);
      return element == null ? List.of() : List.of(element);
    }
    if (Map.class.isAssignableFrom(raw)) {
      Object entry = sample(argument(type, 1), owner, depth + 1);
      return entry == null ? Map.of() : Map.of("key_one", entry);
    }
    if (raw.isRecord()) {
      if (depth > 3) {
        return null;
      }
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i].getGenericType(), raw, depth + 1);
      }
      try {
        Constructor<?> constructor = raw.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot build a sample " + raw.getName(), e);
      }
    }
    throw new AssertionError("no sample value for " + type + " in " + owner.getName());
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    // A type variable (ResultPage<T>'s items) or wildcard: any record will do.
    return String.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : String.class;
  }

  private static List<Class<?>> recordsIn(Class<?> anchor, String packageName) {
    Path classes;
    try {
      classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve(packageName.replace('.', '/'));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length()),
              false, anchor.getClassLoader());
          // Request bodies and query filters are read field by field, never written.
          String simpleName = type.getSimpleName();
          if (type.isRecord() && !simpleName.endsWith("Request") && !simpleName.endsWith("Filters")) {
            records.add(type);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return records;
  }
}
