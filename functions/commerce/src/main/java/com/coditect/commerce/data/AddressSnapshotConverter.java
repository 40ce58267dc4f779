package com.coditect.commerce.data;

import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An order's address snapshot as one JSON string attribute (read and written whole, never queried). */
final class AddressSnapshotConverter implements AttributeConverter<AddressSnapshot> {

  static final EnhancedType<AddressSnapshot> TYPE = EnhancedType.of(AddressSnapshot.class);

  @Override
  public AttributeValue transformFrom(AddressSnapshot address) {
    return AttributeValue.fromS(JsonText.write(address));
  }

  @Override
  public AddressSnapshot transformTo(AttributeValue stored) {
    JsonNode a = Json.readTree(stored.s());
    return new AddressSnapshot(a.path("address_id").textValue(), a.path("full_name").textValue(),
        a.path("company_name").textValue(), a.path("address_line1").textValue(), a.path("address_line2").textValue(),
        a.path("city").textValue(), a.path("state").textValue(), a.path("postal_code").textValue(),
        a.path("country_code").textValue(), a.path("phone").textValue());
  }

  @Override
  public EnhancedType<AddressSnapshot> type() {
    return TYPE;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
