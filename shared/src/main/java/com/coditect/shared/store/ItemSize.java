package com.coditect.shared.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it ("DynamoDB item sizes and formats" in the developer guide),
 * which is what its 400 KB item limit, its 4 MB transaction limit and its write units are measured
 * in. An item is the sum of its attributes, each the UTF-8 bytes of its name plus its value:
 *
 * <ul>
 *   <li>a string: its UTF-8 bytes; a binary: its raw bytes;
 *   <li>a number: one byte per two significant digits (leading and trailing zeroes trimmed), plus one;
 *   <li>null or a boolean: one byte;
 *   <li>a list or map: three bytes, plus each element's size and one byte per element (a map
 *       element's size counts its name too);
 *   <li>a set: its elements' sizes (the guide does not state an overhead for sets).
 * </ul>
 */
public final class ItemSize {

  /** DynamoDB's largest item: 400 KB, names and values together. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;
  /** DynamoDB's largest transaction: its items together at most 4 MB. */
  public static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
  /** A write unit covers a write of up to 1 KB; each started KB costs one more. */
  public static final int WRITE_UNIT_BYTES = 1024;

  private static final int LIST_OR_MAP_OVERHEAD = 3;
  private static final int ELEMENT_OVERHEAD = 1;

  private ItemSize() {}

  /** The size of a whole item (or of a key, which is an item of two attributes). */
  public static long of(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      bytes += attribute(attribute.getKey(), attribute.getValue());
    }
    return bytes;
  }

  /** The size one attribute adds to its item: its name and its value. */
  public static long attribute(String name, AttributeValue value) {
    return utf8(name) + value(value);
  }

  /** The write units of writing an item of {@code bytes}: one per started KB, at least one. */
  public static long writeUnits(long bytes) {
    return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
  }

  /** The size of a value without a name (a list element, or an attribute's value part). */
  static long value(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArray().length;
      case BOOL, NUL -> 1;
      case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
      case BS -> value.bs().stream().mapToLong(bytes -> bytes.asByteArray().length).sum();
      case L -> LIST_OR_MAP_OVERHEAD + value.l().stream().mapToLong(element -> ELEMENT_OVERHEAD + value(element)).sum();
      case M -> LIST_OR_MAP_OVERHEAD + value.m().entrySet().stream()
          .mapToLong(element -> ELEMENT_OVERHEAD + attribute(element.getKey(), element.getValue())).sum();
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("an attribute value of no known type");
    };
  }

  /** One byte per two significant digits, plus one: {@code 123} is 3 bytes, {@code 1000} is 2. */
  static long number(String number) {
    String digits = new BigDecimal(number).abs().unscaledValue().toString();
    String significant = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
    return (significant.length() + 1) / 2 + 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
