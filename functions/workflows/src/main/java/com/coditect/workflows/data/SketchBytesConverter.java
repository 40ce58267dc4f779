package com.coditect.workflows.data;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sketch's bytes as a binary attribute. Named on the attribute itself: the platform's converters
 * keep to the types every other item uses, and only the analysis stores bytes.
 */
final class SketchBytesConverter implements AttributeConverter<SdkBytes> {

  static final SketchBytesConverter INSTANCE = new SketchBytesConverter();

  private SketchBytesConverter() {}

  @Override
  public AttributeValue transformFrom(SdkBytes input) {
    return AttributeValue.fromB(input);
  }

  @Override
  public SdkBytes transformTo(AttributeValue input) {
    return input.b();
  }

  @Override
  public EnhancedType<SdkBytes> type() {
    return EnhancedType.of(SdkBytes.class);
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.B;
  }
}
