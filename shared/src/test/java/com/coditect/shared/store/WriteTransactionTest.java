package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The parts a transaction gathers before it commits (nothing here reaches DynamoDB). */
class WriteTransactionTest {

  private static final TenantId ACME = new TenantId("0191d3f2-7a00-7000-8000-00000000a11c");

  private static WriteTransaction begin() {
    DynamoDbClient unused = new DynamoDbClient() {
      @Override public String serviceName() { return "dynamodb"; }
      @Override public void close() { }
    };
    SingleTable table = new SingleTable(DynamoDbEnhancedClient.builder().dynamoDbClient(unused).build(), unused,
        new AppConfig("us-east-1", "coditect-test", "bucket", "bus", "key", Optional.empty()));
    return new Transactions(table).begin();
  }

  @Test
  void aRenameMovesTheSentinelUnlessOnlyCaseOrSpaceChanged() {
    assertEquals(2, begin().moveUnique(ACME, "TEAM_NAME", "Platform", "Payments", "team-1", "name").size());
    assertEquals(0, begin().moveUnique(ACME, "TEAM_NAME", "Platform", " PLATFORM ", "team-1", "name").size());
  }
}
