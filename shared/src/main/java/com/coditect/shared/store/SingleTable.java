package com.coditect.shared.store;

import com.coditect.shared.config.AppConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The platform's one DynamoDB table, viewed through each item class's schema. */
@Singleton
public final class SingleTable {

  private final DynamoDbEnhancedClient client;
  private final DynamoDbClient lowLevel;
  private final String tableName;
  private final Map<TableSchema<?>, DynamoDbTable<?>> views = new ConcurrentHashMap<>();

  @Inject
  public SingleTable(DynamoDbEnhancedClient client, DynamoDbClient lowLevel, AppConfig config) {
    this.client = client;
    this.lowLevel = lowLevel;
    this.tableName = config.tableName();
  }

  @SuppressWarnings("unchecked")
  public <T> DynamoDbTable<T> view(TableSchema<T> schema) {
    return (DynamoDbTable<T>) views.computeIfAbsent(schema, s -> client.table(tableName, s));
  }

  public DynamoDbEnhancedClient client() {
    return client;
  }

  /** The plain client, for what the enhanced one cannot say (update expressions in a transaction). */
  public DynamoDbClient lowLevel() {
    return lowLevel;
  }

  public String name() {
    return tableName;
  }
}
