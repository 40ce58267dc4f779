package com.coditect.bench.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of issue #11: jackson-jr ({@code jackson-jr-objects}) set up to write what the
 * platform's mapper writes, for comparing with {@code shared/json}. Never deployed.
 *
 * <p>jackson-jr alone writes our records differently: camelCase names, {@code isDone} as
 * {@code done}, enums by {@code toString()}, every null (its null switch is global, so
 * {@code @JsonInclude(NON_NULL)} on one component cannot be honoured), {@code Instant} and
 * {@code Optional} as beans, and databind trees not at all (it needs a {@code TreeCodec}).
 * {@code jackson-jr-annotation-support} (which reads {@code @JsonProperty}, though neither
 * {@code @JsonInclude} nor a naming strategy) is not served for 2.23.0. What it takes to get the
 * same text is the three writers below: records (reflection over components, names and
 * inclusion, exactly what {@code JsonTrees} does), enums by name, and trees.
 */
public final class JacksonJrWriter {

  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private static final JSON JR = JSON.builder()
      // Beans off: a type with no agreed form (Instant, Optional) fails instead of being guessed.
      .disable(JSON.Feature.HANDLE_JAVA_BEANS)
      .enable(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.FAIL_ON_UNKNOWN_TYPE_WRITE)
      .register(new JacksonJrExtension() {
        @Override
        protected void register(ExtensionContext context) {
          context.insertProvider(new PlatformWriters());
        }
      })
      .build();

  private JacksonJrWriter() {}

  public static String write(Object value) {
    try {
      return JR.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class PlatformWriters extends ReaderWriterProvider {
    @Override
    public ValueWriter findValueWriter(JSONWriter context, Class<?> type) {
      if (JsonNode.class.isAssignableFrom(type)) {
        return new TreeWriter();
      }
      if (type.isEnum()) {
        return new EnumWriter();
      }
      return type.isRecord() ? new RecordWriter(type) : null;
    }
  }

  private record Property(SerializedString name, Method accessor, boolean omitNull) {}

  private static final class RecordWriter implements ValueWriter {
    private final Class<?> type;
    private final List<Property> properties = new ArrayList<>();

    RecordWriter(Class<?> type) {
      this.type = type;
      for (RecordComponent component : type.getRecordComponents()) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        JsonProperty named = accessor.getAnnotation(JsonProperty.class);
        JsonInclude include = accessor.getAnnotation(JsonInclude.class);
        String name = named != null && !named.value().isEmpty() ? named.value() : SNAKE_CASE.translate(component.getName());
        properties.add(new Property(new SerializedString(name), accessor,
            include != null && include.value() == JsonInclude.Include.NON_NULL));
      }
    }

    @Override
    public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
      generator.writeStartObject();
      for (Property property : properties) {
        Object component;
        try {
          component = property.accessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + property.accessor(), e);
        }
        if (component != null || !property.omitNull()) {
          generator.writeFieldName(property.name());
          context.writeValue(component);
        }
      }
      generator.writeEndObject();
    }

    @Override
    public Class<?> valueType() {
      return type;
    }
  }

  private static final class EnumWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
      generator.writeString(((Enum<?>) value).name());
    }

    @Override
    public Class<?> valueType() {
      return Enum.class;
    }
  }

  private static final class TreeWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
      write((JsonNode) value, generator);
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
      switch (node.getNodeType()) {
        case OBJECT -> {
          generator.writeStartObject();
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            generator.writeFieldName(field.getKey());
            write(field.getValue(), generator);
          }
          generator.writeEndObject();
        }
        case ARRAY -> {
          generator.writeStartArray();
          for (JsonNode item : node) {
            write(item, generator);
          }
          generator.writeEndArray();
        }
        case STRING -> generator.writeString(node.textValue());
        case BOOLEAN -> generator.writeBoolean(node.booleanValue());
        case NULL -> generator.writeNull();
        case NUMBER -> {
          switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            default -> generator.writeNumber(node.decimalValue());
          }
        }
        default -> throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
      }
    }

    @Override
    public Class<?> valueType() {
      return JsonNode.class;
    }
  }
}
