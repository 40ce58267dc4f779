package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DmsEventsHandler fed a workflow's {@code action.requested} for {@code dms.set_document_status}
 * as the bus delivers it: the status moves by the lifecycle's rules and the step is answered in the
 * same transaction; a refused move is answered with the reason; a redelivery changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowDocumentStatusIT {

  private DmsApi api;
  private DmsEventsHandler events;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("dms-workflow-status");
    events = new DmsEventsHandler(api.component);
    acme = api.env.seedTenant("WDS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aWorkflowArchivesAPublishedDocumentOnceAndAnswersItsStep() {
    String document = seedDocument(DocumentStatus.PUBLISHED);
    String execution = Ids.newId();
    String request = Ids.newId();
    events.handleRequest(requested(execution, request, document, "archived"), null);
    assertEquals("archived", stored(document).get("status").s());
    assertEquals("2", stored(document).get("version").n());
    JsonNode answer = only(answers(execution));
    assertEquals("success", answer.path("outcome").asText());
    assertEquals(request, answer.path("request_id").asText());
    assertEquals(document, answer.path("output").path("document_id").asText());
    assertEquals("archived", answer.path("output").path("status").asText());

    events.handleRequest(requested(execution, request, document, "archived"), null);
    assertEquals("2", stored(document).get("version").n(), "a redelivered request changes nothing");
  }

  @Test
  void aMoveTheLifecycleRefusesOrAMissingDocumentIsAnsweredWithAnError() {
    String document = seedDocument(DocumentStatus.ARCHIVED);
    String execution = Ids.newId();
    events.handleRequest(requested(execution, Ids.newId(), document, "draft"), null);
    assertEquals("archived", stored(document).get("status").s());
    JsonNode refused = only(answers(execution));
    assertEquals("error", refused.path("outcome").asText());
    assertEquals(true, refused.path("error_message").asText().contains("cannot become draft"), refused.toString());

    String missing = Ids.newId();
    events.handleRequest(requested(missing, Ids.newId(), Ids.newId(), "published"), null);
    assertEquals("The document was not found.", only(answers(missing)).path("error_message").asText());
  }

  private String seedDocument(DocumentStatus status) {
    TenantId tenant = new TenantId(acme.id());
    String id = Ids.newId();
    DocumentItem document = DocumentItem.builder()
        .meta(ItemMeta.created(DmsKeys.document(tenant, id), DocumentItem.ENTITY, "2026-12-03T10:00:00.000Z"))
        .id(id).title("Policy " + id).currentVersion(1L).status(status)
        .ownerId(acme.ownerId()).createdBy(acme.ownerId()).tags(List.of()).metadata("{}").grants(List.of()).build();
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(DocumentItem.SCHEMA.itemToMap(document, true)));
    return id;
  }

  private Map<String, AttributeValue> stored(String document) {
    return api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName()).consistentRead(true)
        .key(DmsKeys.document(new TenantId(acme.id()), document).primaryKeyMap(DocumentItem.SCHEMA))).item();
  }

  private Map<String, Object> requested(String execution, String request, String document, String status) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("document_id", document);
    params.put("status", status);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", "action.requested");
    detail.put("requested_action", "dms.set_document_status");
    detail.put("resource_type", "execution");
    detail.put("resource_id", execution);
    detail.put("params", params);
    detail.put("step_id", Ids.newId());
    detail.put("request_id", request);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", "coditect.workflows");
    envelope.put("detail-type", "action.requested");
    envelope.put("detail", detail);
    return envelope;
  }

  private List<JsonNode> answers(String execution) {
    return api.env.outboxEvents().stream().filter(e -> execution.equals(e.path("resource_id").asText()))
        .filter(e -> "step.resolved".equals(e.path("action").asText())).toList();
  }

  private static JsonNode only(List<JsonNode> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }
}
