package com.coditect.local;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates on moto the table, bucket and bus that template.yaml declares, read from the template
 * (keys, indexes, stream, TTL) rather than restated here.
 */
final class LocalResources {

  private LocalResources() {}

  static void create(CloudTemplate template, LocalSettings settings, DynamoDbClient dynamoDb, S3Client s3,
      EventBridgeClient events) {
    TemplateTable table = new TemplateTable(template.resourceProperties(logicalIdOf(template, "AWS::DynamoDB::Table")));
    dynamoDb.createTable(table.createTableRequest(settings.tableName()));
    table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(r -> r.tableName(settings.tableName())
        .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute))));
    s3.createBucket(r -> r.bucket(settings.bucketName()));
    s3.putBucketVersioning(r -> r.bucket(settings.bucketName()).versioningConfiguration(v -> v.status("Enabled")));
    events.createEventBus(r -> r.name(settings.busName()));
  }

  /** The logical id of the one resource of a type (the platform has one table, one bucket, one bus). */
  static String logicalIdOf(CloudTemplate template, String type) {
    @SuppressWarnings("unchecked")
    Map<String, Object> resources = (Map<String, Object>) template.document().get("Resources");
    return resources.entrySet().stream()
        .filter(e -> e.getValue() instanceof Map<?, ?> r && type.equals(r.get("Type")))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("template.yaml declares no " + type));
  }
}
