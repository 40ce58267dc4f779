package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The kernel's write transactions on moto: what one commit sends, and what a failed condition throws. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteTransactionIT {

  private AwsTestEnvironment env;
  private final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  private Transactions transactions;

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create(WriteTransactionIT.class.getSimpleName());
    DynamoDbClient client = env.newDynamoDbClient(calls);
    transactions = new Transactions(new SingleTable(
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), client, env.appConfig()));
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aLonePutIsOnePutItemWithItsConditionAndItsError() {
    TenantId tenant = new TenantId(Ids.newId());
    calls.reset();
    transactions.begin().claimUnique(tenant, "EMAIL", "ann@example.com", Ids.newId(), "email").commit();
    assertEquals(List.of("PutItem"), calls.operations());

    ConflictException clash = assertThrows(ConflictException.class, () ->
        transactions.begin().claimUnique(tenant, "EMAIL", "Ann@Example.com", Ids.newId(), "email").commit());
    assertEquals("email", clash.errors().get(0).field(), "the failed condition is the error its part registered");
    assertEquals(List.of("PutItem", "PutItem"), calls.operations());
  }

  @Test
  void twoPartsAreOneTransactionAndAFailedPartWritesNothing() {
    TenantId tenant = new TenantId(Ids.newId());
    transactions.begin().claimUnique(tenant, "EMAIL", "taken@example.com", Ids.newId(), "email").commit();
    calls.reset();
    assertThrows(ConflictException.class, () -> transactions.begin()
        .claimUnique(tenant, "TEAM", "Ops", Ids.newId(), "name")
        .claimUnique(tenant, "EMAIL", "taken@example.com", Ids.newId(), "email")
        .commit());
    assertEquals(List.of("TransactWriteItems"), calls.operations());
    assertEquals(0, env.dynamoDb().getItem(g -> g.tableName(env.tableName())
        .key(UniqueItem.key(tenant, "TEAM", "Ops").primaryKeyMap(UniqueItem.SCHEMA))).item().size());
  }

  @Test
  void itsSizeIsItsPutsInFullAndItsOtherPartsByKey() {
    TenantId tenant = new TenantId(Ids.newId());
    WriteTransaction tx = transactions.begin()
        .claimUnique(tenant, "EMAIL", "ann@example.com", Ids.newId(), "email")
        .releaseUnique(tenant, "EMAIL", "old@example.com");
    long deleteKey = ItemSize.of(UniqueItem.key(tenant, "EMAIL", "old@example.com").primaryKeyMap(UniqueItem.SCHEMA));
    assertEquals(tx.largestItemBytes() + deleteKey, tx.bytes());
    tx.commit();
    var stored = env.dynamoDb().getItem(g -> g.tableName(env.tableName())
        .key(UniqueItem.key(tenant, "EMAIL", "ann@example.com").primaryKeyMap(UniqueItem.SCHEMA))).item();
    assertEquals(ItemSize.of(stored), tx.largestItemBytes(), "the put, sized as stored");
    assertEquals(0, transactions.begin().releaseUnique(tenant, "EMAIL", "x@example.com").largestItemBytes());
  }
}
