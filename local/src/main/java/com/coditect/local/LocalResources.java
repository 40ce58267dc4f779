package com.coditect.local;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateTable;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * Creates on moto the table, bucket, bus, user pool and SES identities that template.yaml declares,
 * read from the template (keys, indexes, stream, TTL, pool schema, sender addresses) rather than
 * restated here.
 */
final class LocalResources {

  private LocalResources() {}

  /** Creates everything; returns the id moto gave the user pool (functions need it). */
  static String create(CloudTemplate template, LocalSettings settings, DynamoDbClient dynamoDb, S3Client s3,
      EventBridgeClient events, CognitoIdentityProviderClient cognito) {
    TemplateTable table = new TemplateTable(template.resourceProperties(logicalIdOf(template, "AWS::DynamoDB::Table")));
    dynamoDb.createTable(table.createTableRequest(settings.tableName()));
    table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(r -> r.tableName(settings.tableName())
        .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute))));
    s3.createBucket(r -> r.bucket(settings.bucketName()));
    s3.putBucketVersioning(r -> r.bucket(settings.bucketName()).versioningConfiguration(v -> v.status("Enabled")));
    events.createEventBus(r -> r.name(settings.busName()));
    return createUserPool(template, settings, cognito);
  }

  /**
   * The secret the template declares as {@code logicalId}, holding {@code value} (AWS generates
   * one; locally the caller chooses it); returns its ARN, which functions get in their environment.
   */
  static String createSecret(CloudTemplate template, String logicalId, LocalSettings settings,
      SecretsManagerClient secrets, String value) {
    if (!"AWS::SecretsManager::Secret".equals(template.resourceType(logicalId))) {
      throw new IllegalStateException("template.yaml declares no secret " + logicalId);
    }
    return secrets.createSecret(r -> r.name(settings.tableName() + "-" + logicalId).secretString(value)).arn();
  }

  /**
   * The template's EventBridge Scheduler group (where the workflows make their timers and
   * scheduled triggers), under the name the template gives it; returns that name. One that exists
   * (an earlier run on the same moto) is used as it is.
   */
  static String createScheduleGroup(CloudTemplate template, SchedulerClient scheduler) {
    Map<String, Object> properties = template.resourceProperties(logicalIdOf(template, "AWS::Scheduler::ScheduleGroup"));
    String name = String.valueOf(properties.get("Name"));
    try {
      scheduler.createScheduleGroup(r -> r.name(name));
    } catch (ConflictException exists) {
      // made by an earlier run against this moto
    }
    return name;
  }

  /**
   * Every {@code AWS::SES::EmailIdentity} of the template (the sender of the verification codes),
   * its address resolved as the template gives it ({@code !Ref} of a parameter: its default). SES,
   * and moto's SES with it, sends only from a verified identity; on AWS the stack creates it and
   * its owner confirms SES's mail, locally it is verified as created. One that exists (an earlier
   * run against the same moto) is fine. Returns the addresses or domains created.
   */
  static List<String> createEmailIdentities(CloudTemplate template, SesV2Client ses) {
    TemplateParameters parameters = new TemplateParameters(template);
    @SuppressWarnings("unchecked")
    Map<String, Object> resources = (Map<String, Object>) template.document().get("Resources");
    List<String> identities = resources.keySet().stream()
        .filter(logicalId -> "AWS::SES::EmailIdentity".equals(template.resourceType(logicalId)))
        .map(logicalId -> parameters.resolve(template.resourceProperties(logicalId).get("EmailIdentity"))
            .orElseThrow(() -> new IllegalStateException(
                "template.yaml: " + logicalId + ".EmailIdentity is neither text nor !Ref of a parameter with a Default")))
        .toList();
    for (String identity : identities) {
      try {
        ses.createEmailIdentity(r -> r.emailIdentity(identity));
      } catch (AlreadyExistsException exists) {
        // made by an earlier run against this moto (moto 5.2.1 itself answers a repeat as a success)
      }
    }
    return identities;
  }

  /** The user pool with the template's sign-in alias and custom attributes (the token's claims). */
  @SuppressWarnings("unchecked")
  private static String createUserPool(CloudTemplate template, LocalSettings settings,
      CognitoIdentityProviderClient cognito) {
    Map<String, Object> properties = template.resourceProperties(logicalIdOf(template, "AWS::Cognito::UserPool"));
    List<SchemaAttributeType> schema = ((List<Map<String, Object>>) properties.getOrDefault("Schema", List.of()))
        .stream()
        .map(attribute -> SchemaAttributeType.builder()
            .name(String.valueOf(attribute.get("Name")))
            .attributeDataType(String.valueOf(attribute.get("AttributeDataType")))
            .mutable(!Boolean.FALSE.equals(attribute.get("Mutable")))
            .required(Boolean.TRUE.equals(attribute.get("Required")))
            .build())
        .toList();
    List<String> aliases = (List<String>) properties.getOrDefault("AliasAttributes", List.of());
    return cognito.createUserPool(r -> r.poolName(settings.tableName() + "-users")
        .aliasAttributesWithStrings(aliases).schema(schema)).userPool().id();
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
