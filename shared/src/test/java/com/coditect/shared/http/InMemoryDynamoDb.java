package com.coditect.shared.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The smallest table a unit test of {@link Idempotency} needs, in memory: {@code GetItem} by
 * {@code PK}/{@code SK}, and the puts of {@code PutItem} and {@code TransactWriteItems}, kept as
 * sent. Conditions are recorded, not evaluated (moto evaluates them in the route tests); every other
 * operation fails, as the {@link DynamoDbClient} interface's defaults do.
 */
final class InMemoryDynamoDb implements DynamoDbClient {

  private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
  private final List<Put> puts = new ArrayList<>();
  private int gets;

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    gets++;
    Map<String, AttributeValue> item = items.get(key(request.key()));
    return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    apply(Put.builder().tableName(request.tableName()).item(request.item())
        .conditionExpression(request.conditionExpression())
        .expressionAttributeNames(request.expressionAttributeNames())
        .expressionAttributeValues(request.expressionAttributeValues()).build());
    return PutItemResponse.builder().build();
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    for (TransactWriteItem part : request.transactItems()) {
      if (part.put() == null) {
        throw new UnsupportedOperationException("only puts are kept: " + part);
      }
      apply(part.put());
    }
    return TransactWriteItemsResponse.builder().build();
  }

  /** The puts so far, in order, as sent. */
  List<Put> puts() {
    return List.copyOf(puts);
  }

  /** The {@code GetItem} calls so far. */
  int gets() {
    return gets;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  private void apply(Put put) {
    puts.add(put);
    items.put(key(put.item()), put.item());
  }

  private static String key(Map<String, AttributeValue> itemOrKey) {
    return itemOrKey.get("PK").s() + "\n" + itemOrKey.get("SK").s();
  }
}
