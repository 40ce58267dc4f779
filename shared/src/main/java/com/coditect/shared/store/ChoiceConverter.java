package com.coditect.shared.store;

import com.coditect.shared.domain.Choice;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores a {@link Choice} as its API spelling, so that the table, the events and the API agree and
 * index keys built from a status read the same. An item schema names it on the attribute:
 * {@code .addAttribute(TaskStatus.class, a -> a.name("status").attributeConverter(ChoiceConverter.of(TaskStatus.class))...)}.
 */
public final class ChoiceConverter<E extends Enum<E> & Choice> implements AttributeConverter<E> {

  private final Class<E> type;

  private ChoiceConverter(Class<E> type) {
    this.type = type;
  }

  public static <E extends Enum<E> & Choice> ChoiceConverter<E> of(Class<E> type) {
    return new ChoiceConverter<>(type);
  }

  @Override
  public AttributeValue transformFrom(E input) {
    return AttributeValue.fromS(input.apiName());
  }

  /** A stored spelling no value has means the table and the code disagree: fail, never guess. */
  @Override
  public E transformTo(AttributeValue input) {
    return Choice.fromApiName(type, input.s()).orElseThrow(() -> new IllegalStateException(
        "stored " + type.getSimpleName() + " '" + input.s() + "' is not one of " + Choice.apiNames(type)));
  }

  @Override
  public EnhancedType<E> type() {
    return EnhancedType.of(type);
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
