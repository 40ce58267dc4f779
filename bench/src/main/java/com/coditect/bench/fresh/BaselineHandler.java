package com.coditect.bench.fresh;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start baseline: builds the DynamoDB client the way the functions' {@code DynamoDbModule}
 * does and reads one item, with nothing else on its classpath. Shaded alone into baseline.jar.
 */
public final class BaselineHandler {

  private BaselineHandler() {}

  /** Reads the item whose key is given as {@code -Dbench.pk} and {@code -Dbench.sk}. */
  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    Map<String, String> env = System.getenv();
    String table = env.get("TABLE_NAME");
    Map<String, AttributeValue> key = Map.of(
        "PK", AttributeValue.fromS(System.getProperty("bench.pk")),
        "SK", AttributeValue.fromS(System.getProperty("bench.sk")));

    DynamoDbClient dynamoDb = client(env);
    timing.ready();
    GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(key).build());
    if (!response.hasItem()) {
      FirstResponse.fail("no item at " + key + " in " + table);
    }
    timing.responded();
    System.exit(0);
  }

  /** Same settings as production: explicit region, the default credentials chain, URL-connection HTTP client. */
  private static DynamoDbClient client(Map<String, String> env) {
    String endpoint = env.get("AWS_ENDPOINT_URL");
    var builder = DynamoDbClient.builder()
        .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .executionInterceptors(List.of())
            .build());
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}
