package com.coditect.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.dms.DmsHandler;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.DocumentRepository;
import com.coditect.dms.data.DocumentRows;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The scale figure: one tenant with {@value #DOCUMENTS} documents in {@value #FOLDERS}
 * folders (the children of {@value #TOPS} top-level folders, {@value #CHILDREN} each), whose lists are paged
 * through as the tenant's owner and as a member who was granted view on {@value #GRANTED_TOPS} of
 * the tops (so on their {@value #CHILDREN} children each, by inheritance): every page must be one
 * Query and at most one BatchGetItem.
 *
 * <p>The folders and the member's grants are made through the routes (a few hundred requests);
 * the documents are written as the documents part stores them (the document item and each of its
 * list rows, {@link DocumentRows}) with BatchWriteItem, 25 items a call: through the routes each
 * would be a create, an upload and a complete.
 */
final class DmsListScale {

  static final int TOPS = 25;
  static final int CHILDREN = 20;
  /** The folders that hold the documents: the children (the tops hold none). */
  static final int FOLDERS = TOPS * CHILDREN;
  static final int DOCUMENTS = 10_000;
  static final int GRANTED_TOPS = 5;
  /** The long lists are read this far: the cost of a page does not depend on how many follow. */
  static final int MAX_PAGES = 5;
  private static final int TAGS = 10;
  private static final int BATCH = 25;
  private static final String NOW = "2026-12-03T12:00:00.000Z";
  private static final ObjectMapper MAPPER = Json.newMapper();

  private final DmsHandler handler;
  private final DynamoDbCallCounter counter;
  private final AwsTestEnvironment env;
  private final List<String> tops = new ArrayList<>();
  /** The children of each top, in the order of {@link #tops}. */
  private final List<List<String>> children = new ArrayList<>();

  DmsListScale(DmsHandler handler, DynamoDbCallCounter counter, AwsTestEnvironment env) {
    this.handler = handler;
    this.counter = counter;
    this.env = env;
  }

  /** How the tenant was seeded, and how long each part took. */
  record Seeding(long folderMillis, int folderRequests, long documentMillis, int documentItems, int batchCalls) {}

  /** One list paged through: pages read, the most calls a page made and what each page held. */
  record Walk(String list, String caller, int pages, int documents, int expected, List<Integer> perPage,
      List<List<String>> operations) {

    /** Every page is one Query and at most one BatchGetItem, and a full walk found all it should. */
    boolean ok() {
      boolean pagesOk = operations.stream().allMatch(ops -> Collections.frequency(ops, "Query") == 1
          && Collections.frequency(ops, "BatchGetItem") <= 1 && ops.size() <= 2);
      return pagesOk && (expected < 0 || expected == documents);
    }

    int mostCalls() {
      return operations.stream().mapToInt(List::size).max().orElse(0);
    }

    /** The distinct operation sequences of its pages, e.g. {@code Query + BatchGetItem}. */
    String operationKinds() {
      return String.join(", ", operations.stream().map(ops -> ops.isEmpty() ? "-" : String.join(" + ", ops))
          .distinct().toList());
    }
  }

  /** The folders (through the routes, the member's grants on the first tops before their children) and documents. */
  Seeding seed(RoutePlan.Tenant tenant, String memberId) {
    Map<String, String> owner = tenant.owner();
    long started = System.nanoTime();
    int requests = 0;
    for (int t = 0; t < TOPS; t++) {
      String name = "Scale " + t;
      tops.add(send(owner, HttpEvents.route("POST /v1/folders").body("{\"name\":\"" + name + "\"}"), 201)
          .path("id").asText());
      requests++;
      if (t < GRANTED_TOPS) {
        send(owner, HttpEvents.route("POST /v1/folders/{folder_id}/permissions").pathParam("folder_id", tops.get(t))
            .body("{\"user_id\":\"" + memberId + "\",\"permission_level\":\"view\"}"), 201);
        requests++;
      }
    }
    for (String top : tops) {
      List<String> below = new ArrayList<>();
      for (int c = 0; c < CHILDREN; c++) {
        below.add(send(owner, HttpEvents.route("POST /v1/folders")
            .body("{\"name\":\"Child " + c + "\",\"parent_id\":\"" + top + "\"}"), 201).path("id").asText());
        requests++;
      }
      children.add(below);
    }
    long folderMillis = (System.nanoTime() - started) / 1_000_000;

    started = System.nanoTime();
    TenantId tenantId = new TenantId(tenant.id());
    List<WriteRequest> batch = new ArrayList<>();
    int items = 0;
    int calls = 0;
    for (int d = 0; d < DOCUMENTS; d++) {
      String id = Ids.newId();
      DocumentItem document = DocumentItem.builder().meta(DocumentRepository.newMeta(tenantId, id, NOW)).id(id)
          .folderId(leaf(d)).title("Scale document " + d).currentVersion(0L).status(DocumentStatus.PUBLISHED)
          .ownerId(tenant.ownerId()).createdBy(tenant.ownerId()).tags(List.of(tag(d % TAGS))).metadata("{}")
          .build();
      List<DocumentItem> stored = new ArrayList<>(List.of(document));
      stored.addAll(DocumentRows.of(tenantId, document));
      for (DocumentItem item : stored) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
            .item(DocumentItem.SCHEMA.itemToMap(item, true)).build()).build());
        items++;
        if (batch.size() == BATCH) {
          calls += write(batch);
          batch = new ArrayList<>();
        }
      }
    }
    if (!batch.isEmpty()) {
      calls += write(batch);
    }
    return new Seeding(folderMillis, requests, (System.nanoTime() - started) / 1_000_000, items, calls);
  }

  /** Every list of the figure, as the owner and as the member. */
  List<Walk> walks(RoutePlan.Tenant tenant, Map<String, String> member) {
    Map<String, String> owner = tenant.owner();
    String grantedLeaf = children.get(0).get(3);
    String otherLeaf = children.get(TOPS - 1).get(7);
    int perLeaf = DOCUMENTS / FOLDERS;
    List<Walk> walks = new ArrayList<>();
    for (boolean asOwner : new boolean[] {true, false}) {
      Map<String, String> claims = asOwner ? owner : member;
      String caller = asOwner ? "owner" : "member";
      walks.add(documents("folder_id (a folder of " + perLeaf + ", granted)", caller, claims, perLeaf, Integer.MAX_VALUE,
          "folder_id", grantedLeaf));
      walks.add(documents("folder_id (a folder of " + perLeaf + ", not granted)", caller, claims,
          asOwner ? perLeaf : 0, Integer.MAX_VALUE, "folder_id", otherLeaf));
      walks.add(documents("status=published (first " + MAX_PAGES + " pages)", caller, claims, -1, MAX_PAGES,
          "status", "published"));
      walks.add(documents("owner_id (first " + MAX_PAGES + " pages)", caller, claims, -1, MAX_PAGES,
          "owner_id", tenant.ownerId()));
      walks.add(documents("tag (" + DOCUMENTS / TAGS + " tagged, first " + MAX_PAGES + " pages)", caller, claims, -1,
          MAX_PAGES, "tag", tag(3)));
      walks.add(folders("GET /v1/folders (the " + TOPS + " tops)", caller, claims, TOPS));
      walks.add(folders("GET /v1/folders?parent_id= (" + CHILDREN + " children)", caller, claims, CHILDREN,
          "parent_id", tops.get(GRANTED_TOPS)));
    }
    return walks;
  }

  private Walk documents(String list, String caller, Map<String, String> claims, int expected, int maxPages,
      String... query) {
    return walk("GET /v1/documents?" + list, caller, claims, expected, maxPages, "GET /v1/documents", query);
  }

  private Walk folders(String list, String caller, Map<String, String> claims, int expected, String... query) {
    return walk(list, caller, claims, expected, Integer.MAX_VALUE, "GET /v1/folders", query);
  }

  /** Pages through one list, up to {@code maxPages}; {@code expected} is its total, or -1 when not read to its end. */
  private Walk walk(String list, String caller, Map<String, String> claims, int expected, int maxPages,
      String routeKey, String... query) {
    List<Integer> perPage = new ArrayList<>();
    List<List<String>> operations = new ArrayList<>();
    String cursor = null;
    int found = 0;
    do {
      HttpEvents.Builder event = HttpEvents.route(routeKey);
      for (int i = 0; i < query.length; i += 2) {
        event.query(query[i], query[i + 1]);
      }
      if (cursor != null) {
        event.query("cursor", cursor);
      }
      counter.reset();
      JsonNode page = send(claims, event, 200);
      operations.add(counter.operations());
      perPage.add(page.path("items").size());
      found += page.path("items").size();
      cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
    } while (cursor != null && perPage.size() < maxPages);
    return new Walk(list, caller, perPage.size(), found, expected, perPage, operations);
  }

  private JsonNode send(Map<String, String> claims, HttpEvents.Builder event, int status) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event.claims(claims).build(), null);
    if (response.getStatusCode() != status) {
      throw new IllegalStateException("DMS list scale: " + event.build().getRouteKey() + " answered "
          + response.getStatusCode() + ": " + response.getBody());
    }
    try {
      return MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one batch, again with whatever DynamoDB left unprocessed; returns the calls it took. */
  private int write(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(env.tableName(), batch);
    int calls = 0;
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      Map<String, List<WriteRequest>> left = env.dynamoDb().batchWriteItem(b -> b.requestItems(request))
          .unprocessedItems();
      calls++;
      pending = left.isEmpty() || left.values().stream().allMatch(List::isEmpty) ? Map.of() : left;
    }
    return calls;
  }

  /**
   * The folder of document {@code d}: consecutive documents go to consecutive tops' children, so the
   * member's documents ({@value #GRANTED_TOPS} of every {@value #TOPS}) are spread over every page of a
   * long list, not bunched at one end of it.
   */
  private String leaf(int d) {
    return children.get(d % TOPS).get((d / TOPS) % CHILDREN);
  }

  private static String tag(int n) {
    return "scale-" + n;
  }
}
