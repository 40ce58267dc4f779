package com.coditect.bench;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditEntryRepository;
import com.coditect.audit.data.AuditKeys;
import com.coditect.audit.data.ComplianceReportItem;
import com.coditect.audit.data.ComplianceReportRepository;
import com.coditect.audit.domain.AuditChain;
import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.audit.model.Severity;
import com.coditect.bench.fresh.ComplianceReportRun;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The compliance report's memory figure: a tenant with {@code ENTRIES} audit entries spread over
 * ten days, then two reports generated in fresh JVMs with a small heap, over one day (a tenth of
 * the entries) and over all ten. Flat memory means both peaks are alike and far below the heap.
 *
 * <p>The entries are written straight into the table in batches (entry items with their by-time
 * index keys and a real hash chain, and the chain head), not through the ingest: one transaction
 * per entry on moto would take an hour. They carry no per-user/action/severity list rows, which
 * the report does not read.
 */
final class ReportBench {

  static final int ENTRIES = 100_000;
  static final int DAYS = 10;
  static final String MAX_HEAP = "-Xmx64m";
  private static final int BATCH = 25;
  private static final int WRITERS = 4;
  private static final long TIMEOUT_SECONDS = 600;
  /** What a month of a tenant's log is made of, roughly: mostly task work, some access changes. */
  private static final List<String> ACTIONS = List.of("task.updated", "task.updated", "task.updated", "task.created",
      "comment.created", "document.viewed", "document.updated", "user.login", "user.login", "task.deleted",
      "document.deleted", "user.role_changed", "user.created", "team.member_added", "share.created",
      "user.login_failed", "document.permission_granted", "tenant.updated", "audit_review.created", "project.updated");

  private final AwsTestEnvironment env;
  private final Path auditJar;
  private final Path drivers;
  private final List<String> jvmFlags;
  private final Map<String, String> environment;
  private final ObjectMapper json = new ObjectMapper();

  ReportBench(AwsTestEnvironment env, Path auditJar, Path drivers, List<String> jvmFlags,
      Map<String, String> environment) {
    this.env = env;
    this.auditJar = auditJar;
    this.drivers = drivers;
    this.jvmFlags = jvmFlags;
    this.environment = environment;
  }

  void run() throws IOException, InterruptedException {
    TenantId tenant = new TenantId(Ids.newId());
    LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
    System.err.println("seeding " + ENTRIES + " audit entries (batch writes) ...");
    long seedStart = System.nanoTime();
    seed(tenant, firstDay);
    long seedSeconds = (System.nanoTime() - seedStart) / 1_000_000_000;

    String oneDay = report(tenant, firstDay, firstDay);
    String allDays = report(tenant, firstDay, firstDay.plusDays(DAYS - 1));
    Result small = generate(tenant, oneDay);
    Result large = generate(tenant, allDays);

    System.out.printf(Locale.ROOT, "%nCompliance report in a fresh JVM with %s (the template's generator flags), "
        + "%,d entries seeded in %d s (batch writes, see README):%n", MAX_HEAP, ENTRIES, seedSeconds);
    TextTable table = new TextTable("period", "entries counted", "chain entries verified", "heap peak MB",
        "live after GC MB", "max heap MB", "time s", "CPU s", "GCs", "status", "PDF bytes");
    for (var run : List.of(Map.entry("1 day", small), Map.entry(DAYS + " days", large))) {
      Result result = run.getValue();
      table.row(run.getKey(), count(result.report(), "entries_total"), chain(result.report()), mb(result.heapPeak()),
          mb(result.livePeak()), mb(result.maxHeap()), seconds(result.millis()), seconds(result.cpuMillis()),
          Long.toString(result.gcs()), result.status(), pdf(result.report()));
    }
    System.out.print(table.render());
  }

  /** One run's figures, and the report as the table holds it afterwards. */
  private record Result(long heapPeak, long livePeak, long maxHeap, long millis, long cpuMillis, long gcs,
      String status, Map<String, AttributeValue> report) {}

  private void seed(TenantId tenant, LocalDate firstDay) throws InterruptedException {
    DynamoDbClient dynamoDb = env.dynamoDb();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> pending = new ArrayList<>();
    String hash = AuditChain.genesis(tenant);
    long ttl = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
    long perDay = ENTRIES / DAYS;
    long step = Duration.ofDays(1).toMillis() / perDay;
    List<WriteRequest> batch = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (long seq = 1; seq <= ENTRIES; seq++) {
      long index = seq - 1;
      Instant at = firstDay.plusDays(index / perDay).atStartOfDay(ZoneOffset.UTC).toInstant()
          .plusMillis((index % perDay) * step);
      String action = ACTIONS.get((int) (seq % ACTIONS.size()));
      String resourceType = action.substring(0, action.indexOf('.'));
      String resourceId = Ids.newId();
      String createdAt = Timestamps.format(at);
      AuditEntryItem unhashed = AuditEntryItem.builder()
          .meta(AuditEntryRepository.newMeta(tenant, seq, createdAt, ttl))
          .id(Ids.newId())
          .seq(seq)
          .eventId(Ids.newId())
          .prevTtl(seq == 1 ? null : ttl)
          .action(action)
          .resourceType(resourceType)
          .resourceId(resourceId)
          .userId("user-" + (seq % 50))
          .ipPseudonym(hex.toHexDigits(seq * 7919))
          .userAgentPseudonym(hex.toHexDigits(seq * 104729))
          .requestMethod("PATCH")
          .requestPath("/v1/" + resourceType + "s/" + resourceId)
          .changes("{\"status\":{\"old\":\"todo\",\"new\":\"done\"}}")
          .metadata("{\"source\":\"coditect.bench\"}")
          .severity(Severity.of(action))
          .prevHash(hash)
          .build();
      AuditEntryItem entry = unhashed.withHash(AuditChain.hash(hash, unhashed))
          .withIndex1(AuditKeys.byTime(tenant), AuditKeys.timeOrder(createdAt, seq));
      hash = entry.hash();
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
          .item(AuditEntryItem.SCHEMA.itemToMap(entry, true)).build()).build());
      if (batch.size() == BATCH) {
        List<WriteRequest> full = batch;
        pending.add(writers.submit(() -> write(dynamoDb, full)));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      List<WriteRequest> rest = batch;
      pending.add(writers.submit(() -> write(dynamoDb, rest)));
    }
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("seeding failed", e.getCause());
      }
    }
    writers.shutdown();
    writers.awaitTermination(1, TimeUnit.MINUTES);
    var head = AuditKeys.chainHead(tenant);
    String headHash = hash;
    dynamoDb.putItem(b -> b.tableName(env.tableName()).item(Map.of(
        "PK", head.partitionKeyValue(), "SK", head.sortKeyValue().orElseThrow(),
        "entity_type", AttributeValue.fromS("AUDIT_CHAIN_HEAD"), "seq", AttributeValue.fromN(Long.toString(ENTRIES)),
        "chain_hash", AttributeValue.fromS(headHash), "newest_entry_ttl", AttributeValue.fromN(Long.toString(ttl)))));
  }

  private void write(DynamoDbClient dynamoDb, List<WriteRequest> requests) {
    Map<String, List<WriteRequest>> items = Map.of(env.tableName(), requests);
    while (!items.isEmpty()) {
      Map<String, List<WriteRequest>> current = items;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(current));
      items = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  /** A report waiting for its generator, as POST /v1/compliance-reports leaves it. */
  private String report(TenantId tenant, LocalDate start, LocalDate end) {
    String reportId = Ids.newId();
    ComplianceReportItem report = ComplianceReportRepository.indexed(tenant, ComplianceReportItem.builder()
        .meta(ComplianceReportRepository.newMeta(tenant, reportId, Timestamps.format(Instant.now())))
        .id(reportId)
        .reportType(ComplianceReportType.SOC2)
        .periodStart(start.toString())
        .periodEnd(end.toString())
        .status(ComplianceReportStatus.GENERATING)
        .build());
    env.dynamoDb().putItem(b -> b.tableName(env.tableName()).item(ComplianceReportItem.SCHEMA.itemToMap(report, true)));
    return report.id();
  }

  private Result generate(TenantId tenant, String reportId) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add(MAX_HEAP);
    command.add("-Dbench.tenant_id=" + tenant.value());
    command.add("-Dbench.report_id=" + reportId);
    command.add("-cp");
    command.add(auditJar + ":" + drivers);
    command.add(ComplianceReportRun.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    String marker = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ComplianceReportRun.MARKER + " ")) {
          marker = line;
        } else {
          output.add(line);
        }
      }
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0 || marker == null) {
      throw new IllegalStateException("the report run failed:\n" + String.join("\n", output));
    }
    Map<String, Long> figures = new HashMap<>();
    for (String part : marker.substring(ComplianceReportRun.MARKER.length() + 1).split(" ")) {
      String[] pair = part.split("=");
      figures.put(pair[0], Long.parseLong(pair[1]));
    }
    var key = AuditKeys.report(tenant, reportId);
    Map<String, AttributeValue> report = env.dynamoDb().getItem(b -> b.tableName(env.tableName())
        .key(Map.of("PK", key.partitionKeyValue(), "SK", key.sortKeyValue().orElseThrow())).consistentRead(true)).item();
    if (!"completed".equals(report.get("status").s())) {
      throw new IllegalStateException("the report did not complete: " + report + "\n" + String.join("\n", output));
    }
    return new Result(figures.get("heap_peak_bytes"), figures.get("live_peak_bytes"), figures.get("max_heap_bytes"),
        figures.get("millis"), figures.get("cpu_millis"), figures.get("gcs"), report.get("status").s(), report);
  }

  private String count(Map<String, AttributeValue> report, String figure) {
    return String.format(Locale.ROOT, "%,d", data(report).path("figures").path(figure).asLong());
  }

  private String chain(Map<String, AttributeValue> report) {
    JsonNode chain = data(report).path("chain_verification");
    return String.format(Locale.ROOT, "%,d (%s)", chain.path("entries_checked").asLong(),
        chain.path("intact").asBoolean() ? "intact" : "BROKEN");
  }

  private String pdf(Map<String, AttributeValue> report) {
    try (S3Client s3 = S3Client.builder()
        .region(Region.of(env.appConfig().region()))
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(env.appConfig().awsEndpoint().orElseThrow())
        .forcePathStyle(true)
        .build()) {
      long bytes = s3.headObject(b -> b.bucket(env.appConfig().bucketName()).key(report.get("file_path").s()))
          .contentLength();
      return String.format(Locale.ROOT, "%,d", bytes);
    }
  }

  private JsonNode data(Map<String, AttributeValue> report) {
    try {
      return json.readTree(report.get("report_data").s());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }
}
