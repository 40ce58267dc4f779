package com.coditect.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to Jackson trees and back on Jackson's streaming API ({@code jackson-core}), which is
 * what an {@code ObjectMapper} does underneath without the databind machinery it builds first
 * (see {@link JsonTrees}). The parser keeps Jackson's default limits on nesting, number and string
 * length, and refuses anything after the first value.
 */
public final class JsonText {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** The JSON text of {@code value}, converted as {@link JsonTrees#of} converts it. */
  public static String write(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      write(JsonTrees.of(value), generator);
    } catch (IOException e) {
      // A StringWriter does not fail; the generator only throws for a malformed tree.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * The tree of one JSON value. Malformed text, text over a parser limit and text with anything
   * after the value fail with Jackson's exception, which carries the location where there is one.
   */
  public static JsonNode parse(String text) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new JsonParseException(parser, "no JSON value");
      }
      JsonNode root = read(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "trailing content after the JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // Reading a String fails only as a JsonProcessingException, caught above.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The value starting at the parser's current token. Iterative, with its own stack of open
   * containers, so nesting up to the parser's depth limit cannot overflow the thread's stack.
   */
  private static JsonNode read(JsonParser parser) throws IOException {
    Deque<JsonNode> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonNode root = null;
    for (JsonToken token = parser.currentToken(); ; token = parser.nextToken()) {
      if (token == null) {
        throw new JsonParseException(parser, "unexpected end of input");
      }
      JsonNode value;
      switch (token) {
        case START_OBJECT -> {
          open.push(NODES.objectNode());
          continue;
        }
        case START_ARRAY -> {
          open.push(NODES.arrayNode());
          continue;
        }
        case FIELD_NAME -> {
          names.push(parser.currentName());
          continue;
        }
        case END_OBJECT, END_ARRAY -> value = open.pop();
        case VALUE_STRING -> value = NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> value = switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        default -> throw new JsonParseException(parser, "unexpected token " + token);
      }
      JsonNode parent = open.peek();
      if (parent == null) {
        return value;
      }
      if (parent instanceof ObjectNode object) {
        // A repeated name keeps its last value, as Jackson's readTree does.
        object.set(names.pop(), value);
      } else {
        ((ArrayNode) parent).add(value);
      }
    }
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
}
