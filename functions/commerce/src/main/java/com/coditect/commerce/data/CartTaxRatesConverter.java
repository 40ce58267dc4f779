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

/** The tax rates a cart or an order applied, as one JSON string attribute (a handful, read and written whole). */
final class CartTaxRatesConverter implements AttributeConverter<List<CartTaxRate>> {

  static final EnhancedType<List<CartTaxRate>> TYPE = EnhancedType.listOf(CartTaxRate.class);

  @Override
  public AttributeValue transformFrom(List<CartTaxRate> rates) {
    return AttributeValue.fromS(JsonText.write(rates));
  }

  @Override
  public List<CartTaxRate> transformTo(AttributeValue stored) {
    List<CartTaxRate> rates = new ArrayList<>();
    for (JsonNode rate : Json.readTree(stored.s())) {
      rates.add(new CartTaxRate(rate.path("tax_rate_id").textValue(), rate.path("display_name").textValue(),
          rate.path("percentage").textValue(), rate.path("inclusive").booleanValue()));
    }
    return List.copyOf(rates);
  }

  @Override
  public EnhancedType<List<CartTaxRate>> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
