package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A grant's target changing between the grant's read and its transaction (another grant, an edit):
 * the transaction is refused on the target's version, and the grant is read and written again, so
 * neither change is lost. The change is made deterministically, just before the grant's first
 * transaction, by an interceptor on the function's DynamoDB client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentGrantIT {

  /** The target to change once, just before the next transaction; null: none. */
  private final AtomicReference<Key> changeBeforeNextWrite = new AtomicReference<>();
  private DmsApi api;
  private PermissionFixtures seed;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("concurrent-grants", env -> new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Key target = context.request() instanceof TransactWriteItemsRequest ? changeBeforeNextWrite.getAndSet(null)
            : null;
        if (target != null) {
          // What a concurrent writer does to the target: a new version, with its grants as they were.
          env.dynamoDb().updateItem(u -> u.tableName(env.tableName()).key(target.primaryKeyMap(DocumentItem.SCHEMA))
              .updateExpression("SET version = version + :one")
              .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        }
      }
    });
    seed = new PermissionFixtures(api);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aDocumentChangedMeanwhileIsReadAgainAndTheGrantWritten() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    changeBeforeNextWrite.set(DmsKeys.document(new TenantId(acme.id()), document.id()));
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/documents/{document_id}/permissions")
        .pathParam("document_id", document.id()).claims(acme.owner())
        .body("{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"edit\"}").build());
    created.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems", "GetItem", "TransactWriteItems"), created.dynamoCalls());
    DocumentItem stored = seed.storedDocument(acme.id(), document.id());
    assertEquals(List.of(created.text("id")), stored.grants().stream().map(Grant::id).toList());
    assertEquals(document.version() + 2, stored.version());
    assertEquals(1, seed.events("permission.granted", created.text("id")).size());
  }

  @Test
  void aFolderChangedMeanwhileIsReadAgainAndTheRevocationWritten() {
    FolderItem folder = seed.folder(acme.id(), null, "Racing", acme.ownerId());
    String id = api.call(HttpEvents.route("POST /v1/folders/{folder_id}/permissions")
        .pathParam("folder_id", folder.id()).claims(acme.owner())
        .body("{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"view\"}").build()).text("id");
    changeBeforeNextWrite.set(DmsKeys.folder(new TenantId(acme.id()), folder.id()));
    HandlerResponse revoked = api.call(HttpEvents.route("DELETE /v1/permissions/{permission_id}")
        .pathParam("permission_id", id).claims(acme.owner()).build());
    revoked.assertStatus(204);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems", "GetItem", "TransactWriteItems", "Query"),
        revoked.dynamoCalls());
    assertEquals(List.of(), seed.storedFolder(acme.id(), folder.id()).grants());
  }
}
