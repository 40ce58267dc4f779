package com.coditect.commerce.data;

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
 * A cart's or an order's lines as one JSON string attribute: a small document (at most
 * {@code CartFields.MAX_LINES} lines) always read and written whole.
 */
final class CartLinesConverter implements AttributeConverter<List<CartLine>> {

  static final EnhancedType<List<CartLine>> TYPE = EnhancedType.listOf(CartLine.class);

  @Override
  public AttributeValue transformFrom(List<CartLine> lines) {
    return AttributeValue.fromS(JsonText.write(lines));
  }

  @Override
  public List<CartLine> transformTo(AttributeValue stored) {
    List<CartLine> lines = new ArrayList<>();
    for (JsonNode line : Json.readTree(stored.s())) {
      lines.add(new CartLine(line.path("product_id").textValue(), line.path("sku").textValue(),
          line.path("name").textValue(), line.path("unit_amount_cents").longValue(), line.path("quantity").intValue(),
          line.path("currency").textValue()));
    }
    return List.copyOf(lines);
  }

  @Override
  public EnhancedType<List<CartLine>> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
