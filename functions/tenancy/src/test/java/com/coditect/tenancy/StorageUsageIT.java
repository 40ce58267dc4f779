package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage.changed consumer (as its rule delivers it; the rule itself is exercised end to end
 * in the local module): the tenant shows the total of the newest report only.
 */
class StorageUsageIT {

  private TenancyApi api;
  private TenancyEventsHandler events;

  @BeforeEach
  void start() {
    api = new TenancyApi("tenancy-storage");
    events = new TenancyEventsHandler(api.component);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theNewestReportWinsWhateverTheOrderAndAReplayChangesNothing() {
    SeededTenant acme = api.seedTenant("Storage");
    HandlerResponse before = tenant(acme);
    assertEquals(0, before.json().path("storage_used_bytes").asLong(-1), "0 before any report");

    events.handleRequest(report(acme.id(), 5_000, 7), null);
    HandlerResponse after = tenant(acme);
    assertEquals(5_000, after.json().path("storage_used_bytes").asLong());
    assertEquals(false, before.header("ETag").equals(after.header("ETag")), "what a reader sees changed: a new version");

    api.calls.reset();
    events.handleRequest(report(acme.id(), 1_000, 6), null);
    events.handleRequest(report(acme.id(), 9_000, 7), null);
    assertEquals(List.of("UpdateItem", "UpdateItem"), api.calls.operations(), "one conditional update each");
    assertEquals(5_000, tenant(acme).json().path("storage_used_bytes").asLong(), "late and repeated reports lose");
    assertEquals(after.header("ETag"), tenant(acme).header("ETag"));

    events.handleRequest(report(acme.id(), 0, 8), null);
    assertEquals(0, tenant(acme).json().path("storage_used_bytes").asLong(-1));
  }

  @Test
  void aReportWithoutTotalOrSequenceIsIgnored() {
    SeededTenant acme = api.seedTenant("Malformed");
    Map<String, Object> malformed = report(acme.id(), 1, 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) malformed.get("detail");
    detail.remove("sequence");
    api.calls.reset();
    events.handleRequest(malformed, null);
    assertEquals(List.of(), api.calls.operations());
    assertEquals(0, tenant(acme).json().path("storage_used_bytes").asLong(-1));
  }

  private HandlerResponse tenant(SeededTenant tenant) {
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/tenant").claims(tenant.owner()).build());
    read.assertStatus(200);
    return read;
  }

  private static Map<String, Object> report(String tenantId, long bytes, long sequence) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", UUID.randomUUID().toString());
    detail.put("tenant_id", tenantId);
    detail.put("action", "storage.changed");
    detail.put("resource_type", "storage");
    detail.put("resource_id", tenantId);
    detail.put("storage_used_bytes", bytes);
    detail.put("sequence", sequence);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", "coditect.dms");
    envelope.put("detail-type", "storage.changed");
    envelope.put("detail", detail);
    return envelope;
  }
}
