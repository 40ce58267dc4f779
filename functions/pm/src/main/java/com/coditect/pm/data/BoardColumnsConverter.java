package com.coditect.pm.data;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A board's columns as one JSON string attribute: a small document (at most 20 columns) that is
 * always read and written whole, so nothing is gained by mapping it to DynamoDB lists and maps.
 * Set on the {@code columns} attribute only, which keeps {@code PlatformConverters} to its few
 * general types.
 */
final class BoardColumnsConverter implements AttributeConverter<List<BoardColumn>> {

  static final EnhancedType<List<BoardColumn>> TYPE = EnhancedType.listOf(BoardColumn.class);

  private static final TypeReference<List<BoardColumn>> LIST = new TypeReference<>() {};
  private static final ObjectMapper MAPPER = Json.plain();

  @Override
  public AttributeValue transformFrom(List<BoardColumn> columns) {
    try {
      return AttributeValue.fromS(MAPPER.writeValueAsString(columns));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("board columns cannot be serialised", e);
    }
  }

  @Override
  public List<BoardColumn> transformTo(AttributeValue stored) {
    try {
      return List.copyOf(MAPPER.readValue(stored.s(), LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored board columns are not JSON", e);
    }
  }

  @Override
  public EnhancedType<List<BoardColumn>> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
