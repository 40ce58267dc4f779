package com.coditect.pm.data;

import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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


  @Override
  public AttributeValue transformFrom(List<BoardColumn> columns) {
    return AttributeValue.fromS(JsonText.write(columns));
  }

  @Override
  public List<BoardColumn> transformTo(AttributeValue stored) {
    List<BoardColumn> columns = new ArrayList<>();
    for (JsonNode column : Json.readTree(stored.s())) {
      List<String> statusMapping = new ArrayList<>();
      column.path("status_mapping").forEach(status -> statusMapping.add(status.textValue()));
      columns.add(new BoardColumn(column.path("id").textValue(), column.path("name").textValue(), statusMapping,
          column.path("position").intValue()));
    }
    return List.copyOf(columns);
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
