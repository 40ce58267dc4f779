package com.coditect.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Turns the {@code AWS::DynamoDB::Table} properties of the template into a CreateTable request, so
 * tests run against the keys, indexes and stream the template deploys. Properties moto does not
 * need (PITR, SSE, deletion protection) are left out.
 */
public final class TemplateTable {

  private final Map<String, Object> properties;

  public TemplateTable(Map<String, Object> properties) {
    this.properties = properties;
  }

  public CreateTableRequest createTableRequest(String tableName) {
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(tableName)
        .attributeDefinitions(maps("AttributeDefinitions", properties).stream()
            .map(a -> AttributeDefinition.builder()
                .attributeName(text(a, "AttributeName"))
                .attributeType(text(a, "AttributeType"))
                .build())
            .toList())
        .keySchema(keySchema(properties))
        // Moto ignores capacity, so only on-demand templates are supported; a PROVISIONED
        // template would fail here for lack of ProvisionedThroughput, which is the right signal.
        .billingMode(BillingMode.fromValue(
            String.valueOf(properties.getOrDefault("BillingMode", "PROVISIONED"))));
    List<Map<String, Object>> globalIndexes = maps("GlobalSecondaryIndexes", properties);
    if (!globalIndexes.isEmpty()) {
      request.globalSecondaryIndexes(globalIndexes.stream()
          .map(index -> GlobalSecondaryIndex.builder()
              .indexName(text(index, "IndexName"))
              .keySchema(keySchema(index))
              .projection(projection(index))
              .build())
          .toList());
    }
    List<Map<String, Object>> localIndexes = maps("LocalSecondaryIndexes", properties);
    if (!localIndexes.isEmpty()) {
      request.localSecondaryIndexes(localIndexes.stream()
          .map(index -> LocalSecondaryIndex.builder()
              .indexName(text(index, "IndexName"))
              .keySchema(keySchema(index))
              .projection(projection(index))
              .build())
          .toList());
    }
    Object stream = properties.get("StreamSpecification");
    if (stream instanceof Map<?, ?> spec) {
      // CloudFormation has no StreamEnabled flag: the specification's presence enables it.
      request.streamSpecification(StreamSpecification.builder()
          .streamEnabled(true)
          .streamViewType(String.valueOf(spec.get("StreamViewType")))
          .build());
    }
    return request.build();
  }

  /** The TTL attribute when the template enables Time to Live. */
  public Optional<String> ttlAttribute() {
    Object ttl = properties.get("TimeToLiveSpecification");
    if (ttl instanceof Map<?, ?> spec && Boolean.TRUE.equals(spec.get("Enabled"))) {
      return Optional.of(String.valueOf(spec.get("AttributeName")));
    }
    return Optional.empty();
  }

  private static List<KeySchemaElement> keySchema(Map<String, Object> owner) {
    return maps("KeySchema", owner).stream()
        .map(k -> KeySchemaElement.builder()
            .attributeName(text(k, "AttributeName"))
            .keyType(text(k, "KeyType"))
            .build())
        .toList();
  }

  private static Projection projection(Map<String, Object> index) {
    Object value = index.get("Projection");
    if (!(value instanceof Map<?, ?> projection)) {
      throw new IllegalStateException("index " + index.get("IndexName") + " has no Projection");
    }
    Projection.Builder builder = Projection.builder()
        .projectionType(String.valueOf(projection.get("ProjectionType")));
    if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
      builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(String name, Map<String, Object> owner) {
    Object value = owner.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
      return (List<Map<String, Object>>) value;
    }
    throw new IllegalStateException(name + " in the table definition is not a list of mappings: " + value);
  }

  private static String text(Map<String, Object> owner, String name) {
    Object value = owner.get(name);
    if (value == null) {
      throw new IllegalStateException("table definition lacks " + name + " in " + owner);
    }
    return value.toString();
  }
}
