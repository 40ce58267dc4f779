package com.coditect.identity.data;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the platform's record of a user as the tenancy function stores it ({@code PK=T#<tenant>#USER#<id>,
 * SK=USER}), for the identity function to decide what the user pool must hold. One strongly
 * consistent GetItem of the few attributes the pool mirrors: an event only says "look at this user
 * now", so the read must see every write that happened before the event was sent.
 */
@Singleton
public final class PlatformUserRepository {

  private static final String PROJECTION = "email, #name, #role, #status, deleted_at";
  // name, role and status are DynamoDB reserved words.
  private static final Map<String, String> NAMES = Map.of("#name", "name", "#role", "role", "#status", "status");

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  @Inject
  PlatformUserRepository(DynamoDbClient dynamoDb, AppConfig config) {
    this.dynamoDb = dynamoDb;
    this.tableName = config.tableName();
  }

  /** The user's record, deleted or not; empty when the tenant has no such user. */
  public Optional<PlatformUser> find(TenantId tenant, String userId) {
    Key key = CoreKeys.user(tenant, userId);
    Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow()))
        .consistentRead(true)
        .projectionExpression(PROJECTION)
        .expressionAttributeNames(NAMES)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    // A status this code does not know is read as none: such a user is not let in.
    UserStatus status = Choice.fromApiName(UserStatus.class, text(item, "status")).orElse(null);
    return Optional.of(new PlatformUser(tenant, userId, text(item, "email"), text(item, "name"), text(item, "role"),
        status, item.containsKey("deleted_at")));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
