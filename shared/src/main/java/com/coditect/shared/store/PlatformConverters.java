package com.coditect.shared.store;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The only attribute types our items use (String, Long, Integer, Boolean, BigDecimal, List of
 * String, Map of String to Boolean, bytes). Every
 * item schema names this provider instead of the SDK's default one, whose dozens of converters
 * cost a fresh JVM about 50 ms to build: time every cold start would pay.
 */
public final class PlatformConverters implements AttributeConverterProvider {

  public static final PlatformConverters INSTANCE = new PlatformConverters();

  private final Map<EnhancedType<?>, AttributeConverter<?>> converters = Map.of(
      EnhancedType.of(String.class), new StringConverter(),
      EnhancedType.of(Long.class), new LongConverter(),
      EnhancedType.of(Integer.class), new IntegerConverter(),
      EnhancedType.of(Boolean.class), new BooleanConverter(),
      EnhancedType.of(BigDecimal.class), new DecimalConverter(),
      EnhancedType.listOf(String.class), new StringListConverter(),
      EnhancedType.mapOf(String.class, Boolean.class), new BooleanMapConverter(),
      EnhancedType.of(SdkBytes.class), new BytesConverter());

  private PlatformConverters() {}

  @Override
  @SuppressWarnings("unchecked")
  public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
    AttributeConverter<T> converter = (AttributeConverter<T>) converters.get(type);
    if (converter == null) {
      throw new IllegalArgumentException("no converter for " + type + "; add one to PlatformConverters");
    }
    return converter;
  }

  /** Exact decimals (a coordinate's six places) as DynamoDB numbers, written without an exponent. */
  private static final class DecimalConverter implements AttributeConverter<BigDecimal> {
    @Override public AttributeValue transformFrom(BigDecimal input) { return AttributeValue.fromN(input.toPlainString()); }
    @Override public BigDecimal transformTo(AttributeValue input) { return new BigDecimal(input.n()); }
    @Override public EnhancedType<BigDecimal> type() { return EnhancedType.of(BigDecimal.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.N; }
  }

  private static final class StringConverter implements AttributeConverter<String> {
    @Override public AttributeValue transformFrom(String input) { return AttributeValue.fromS(input); }
    @Override public String transformTo(AttributeValue input) { return input.s(); }
    @Override public EnhancedType<String> type() { return EnhancedType.of(String.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.S; }
  }

  private static final class LongConverter implements AttributeConverter<Long> {
    @Override public AttributeValue transformFrom(Long input) { return AttributeValue.fromN(Long.toString(input)); }
    @Override public Long transformTo(AttributeValue input) { return Long.parseLong(input.n()); }
    @Override public EnhancedType<Long> type() { return EnhancedType.of(Long.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.N; }
  }

  private static final class IntegerConverter implements AttributeConverter<Integer> {
    @Override public AttributeValue transformFrom(Integer input) { return AttributeValue.fromN(Integer.toString(input)); }
    @Override public Integer transformTo(AttributeValue input) { return Integer.parseInt(input.n()); }
    @Override public EnhancedType<Integer> type() { return EnhancedType.of(Integer.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.N; }
  }

  /** A DynamoDB BOOL (a share link's is_active, which a condition expression compares to true). */
  private static final class BooleanConverter implements AttributeConverter<Boolean> {
    @Override public AttributeValue transformFrom(Boolean input) { return AttributeValue.fromBool(input); }
    @Override public Boolean transformTo(AttributeValue input) { return input.bool(); }
    @Override public EnhancedType<Boolean> type() { return EnhancedType.of(Boolean.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.BOOL; }
  }

  /** Bytes as a DynamoDB binary (a compressed payload). */
  private static final class BytesConverter implements AttributeConverter<SdkBytes> {
    @Override public AttributeValue transformFrom(SdkBytes input) { return AttributeValue.fromB(input); }
    @Override public SdkBytes transformTo(AttributeValue input) { return input.b(); }
    @Override public EnhancedType<SdkBytes> type() { return EnhancedType.of(SdkBytes.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.B; }
  }

  /** A list of strings as a DynamoDB list (order kept; a string set would lose it). */
  private static final class StringListConverter implements AttributeConverter<List<String>> {
    @Override
    public AttributeValue transformFrom(List<String> input) {
      return AttributeValue.fromL(input.stream().map(AttributeValue::fromS).toList());
    }

    @Override
    public List<String> transformTo(AttributeValue input) {
      return input.l().stream().map(AttributeValue::s).toList();
    }

    @Override public EnhancedType<List<String>> type() { return EnhancedType.listOf(String.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.L; }
  }

  private static final class BooleanMapConverter implements AttributeConverter<Map<String, Boolean>> {
    @Override
    public AttributeValue transformFrom(Map<String, Boolean> input) {
      Map<String, AttributeValue> values = new HashMap<>();
      input.forEach((key, value) -> values.put(key, AttributeValue.fromBool(value)));
      return AttributeValue.fromM(values);
    }

    @Override
    public Map<String, Boolean> transformTo(AttributeValue input) {
      Map<String, Boolean> values = new HashMap<>();
      input.m().forEach((key, value) -> values.put(key, value.bool()));
      return values;
    }

    @Override public EnhancedType<Map<String, Boolean>> type() { return EnhancedType.mapOf(String.class, Boolean.class); }
    @Override public AttributeValueType attributeValueType() { return AttributeValueType.M; }
  }
}
