package com.coditect.bench;

import com.coditect.dms.DaggerTestDmsComponent;
import com.coditect.pm.DaggerTestPmComponent;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.DaggerTestTenancyComponent;
import com.coditect.tenancy.data.TenancyKeys;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.ContainerCredentialsEndpoint;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.ProjectFiles;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TemplateRoute;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestTokens;
import com.coditect.testing.WriteUnitMeter;
import com.coditect.workflows.DaggerTestWorkflowsComponent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * {@code make bench}: per function of the template the shaded jar size and the fresh-JVM time to
 * first response next to a baseline that only builds the DynamoDB client and reads one item, then
 * the DynamoDB calls of each tenancy, PM, audit, DMS, workflows, billing, commerce and contacts route, and the DMS lists' calls per page in
 * a tenant of 10,000 documents. Missed targets are printed as MISSED; only errors
 * exit non-zero.
 */
public final class Bench {

  static final int MIN_RUNS = 10;
  static final int DEFAULT_RUNS = 15;
  static final double RATIO_TARGET = 1.25;

  private static final int LATENCY_WARMUP = 5;
  private static final int LATENCY_CALLS = 20;
  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
  private static final String TENANCY_HANDLER = "com.coditect.tenancy.TenancyHandler";
  private static final String PUBLISHER_HANDLER = "com.coditect.publisher.OutboxPublisherHandler";
  private static final String IDENTITY_HANDLER = "com.coditect.identity.IdentitySyncHandler";
  private static final String PM_HANDLER = "com.coditect.pm.PmHandler";
  private static final String AUDIT_HANDLER = "com.coditect.audit.AuditHandler";
  private static final String DMS_HANDLER = "com.coditect.dms.DmsHandler";
  private static final String WORKFLOWS_HANDLER = "com.coditect.workflows.WorkflowsHandler";
  private static final String WORKFLOW_EVENTS_HANDLER = "com.coditect.workflows.WorkflowEventsHandler";
  private static final String BILLING_HANDLER = "com.coditect.billing.BillingHandler";
  private static final String COMMERCE_HANDLER = "com.coditect.commerce.CommerceHandler";
  private static final String CONTACTS_HANDLER = "com.coditect.contacts.ContactsHandler";
  private static final String BASELINE = "baseline";
  private static final String COMPLIANCE_REPORT = "compliance-report";
  private static final String COLD_START = "cold-start";
  private static final String ROUTES = "routes";
  private static final String BASELINE_MAIN = "com.coditect.bench.fresh.BaselineHandler";
  /** The cold-start driver of each handler class; a function without one is listed as not measured. */
  private static final Map<String, String> DRIVERS = Map.ofEntries(
      Map.entry(TENANCY_HANDLER, "com.coditect.bench.fresh.TenancyColdStart"),
      Map.entry(PUBLISHER_HANDLER, "com.coditect.bench.fresh.PublisherColdStart"),
      Map.entry(IDENTITY_HANDLER, "com.coditect.bench.fresh.IdentityColdStart"),
      Map.entry(PM_HANDLER, "com.coditect.bench.fresh.PmColdStart"),
      Map.entry(AUDIT_HANDLER, "com.coditect.bench.fresh.AuditColdStart"),
      Map.entry(DMS_HANDLER, "com.coditect.bench.fresh.DmsColdStart"),
      Map.entry(WORKFLOWS_HANDLER, "com.coditect.bench.fresh.WorkflowsColdStart"),
      Map.entry(WORKFLOW_EVENTS_HANDLER, "com.coditect.bench.fresh.WorkflowEventsColdStart"),
      Map.entry(BILLING_HANDLER, "com.coditect.bench.fresh.BillingColdStart"),
      Map.entry(COMMERCE_HANDLER, "com.coditect.bench.fresh.CommerceColdStart"),
      Map.entry(CONTACTS_HANDLER, "com.coditect.bench.fresh.ContactsColdStart"));

  private final int runs;
  private final Path root = ProjectFiles.root();
  /** Where the built jars are, at their paths in the repository: scripts/bench.sh passes a copy. */
  private final Path jars = Path.of(System.getProperty("bench.jars", root.toString()));
  private final CloudTemplate template = CloudTemplate.load();
  private final List<String> missed = new ArrayList<>();
  private final List<String> notMeasured = new ArrayList<>();

  private Bench(int runs) {
    this.runs = runs;
  }

  public static void main(String[] args) {
    try {
      new Bench(runs()).run();
    } catch (Exception e) {
      System.err.println("make bench failed: " + e.getMessage()
          + " (the in-process handler's log is in bench/target/handler.log)");
      e.printStackTrace();
      System.exit(1);
    }
    // Explicit, so no lingering SDK or moto-harness thread keeps the JVM up.
    System.exit(0);
  }

  private static int runs() {
    int runs = Integer.getInteger("bench.runs", DEFAULT_RUNS);
    if (runs < MIN_RUNS) {
      throw new IllegalArgumentException("bench.runs must be at least " + MIN_RUNS + ", got " + runs);
    }
    return runs;
  }

  private void run() throws IOException, InterruptedException {
    if (COMPLIANCE_REPORT.equals(System.getProperty("bench.only"))) {
      runReportOnly();
      return;
    }
    List<String> jvmFlags = new ArrayList<>(javaToolOptions());
    // BENCH_JVM_FLAGS adds flags for looking into a cold start (-Xlog:class+load, say); figures
    // taken with them are not the template's.
    String extraFlags = System.getProperty("bench.jvm_flags", "").trim();
    if (!extraFlags.isEmpty()) {
      jvmFlags.addAll(Arrays.asList(extraFlags.split("\\s+")));
    }
    System.out.printf(Locale.ROOT, "make bench, %s, %d cores, Java %s, JVM flags %s (the template's"
        + " JAVA_TOOL_OPTIONS), DynamoDB and EventBridge on moto%n%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), String.join(" ", jvmFlags));

    // The in-process handler's request log would drown the tables; it is kept for a failure's sake.
    Path handlerLog = root.resolve("bench/target/handler.log");
    Files.createDirectories(handlerLog.getParent());
    try (PrintStream log = new PrintStream(Files.newOutputStream(handlerLog), true, StandardCharsets.UTF_8);
        AwsTestEnvironment env = AwsTestEnvironment.create("bench")) {
      Log.redirect(log);
      DynamoDbCallCounter counter = new DynamoDbCallCounter();
      // The meter reads back what each write stored with the environment's own client, which it
      // does not watch.
      WriteUnitMeter meter = new WriteUnitMeter(env.dynamoDb());
      RoutePlan plan = new RoutePlan(DaggerTestTenancyComponent.factory()
          .create(env.appConfig(), TestInterceptors.of(counter, meter)).handler(), counter, meter);
      RoutePlan.Tenant tenant = plan.createTenant("Bench Cold Start");
      // PM's data is real tenancy data: a project made through tenancy's route, in which the PM
      // plan creates the task the PM driver reads, and later everything its routes need.
      String projectId = plan.createProject(tenant, "BENCH", "Bench PM Project");
      DynamoDbCallCounter pmCounter = new DynamoDbCallCounter();
      PmRoutePlan pmPlan = new PmRoutePlan(DaggerTestPmComponent.factory()
          .create(env.appConfig(), TestInterceptors.of(pmCounter, meter)).handler(), pmCounter, meter);
      DynamoDbCallCounter dmsCounter = new DynamoDbCallCounter();
      DmsRoutePlan dmsPlan = new DmsRoutePlan(DaggerTestDmsComponent.factory()
          .create(env.appConfig(), TestInterceptors.of(dmsCounter, meter)).handler(), dmsCounter, meter);
      DynamoDbCallCounter workflowsCounter = new DynamoDbCallCounter();
      WorkflowsRoutePlan workflowsPlan = new WorkflowsRoutePlan(DaggerTestWorkflowsComponent.factory()
          .create(env.appConfig(), TestInterceptors.of(workflowsCounter, meter)), env, workflowsCounter, meter);

      if (!ROUTES.equals(System.getProperty("bench.only"))) {
        String coldStartTaskId = pmPlan.createTask(tenant.owner(), projectId, "Bench cold-start task");
        String coldStartFolderId = dmsPlan.createFolder(tenant.owner(), "Bench cold-start folder");
        String coldStartWorkflowId = workflowsPlan.createWorkflow(tenant.owner(), "Bench cold-start workflow");
        List<String> coldStartExecution = workflowsPlan.finishedExecution(tenant.owner());
        coldStartTables(env, jvmFlags, tenant, coldStartTaskId, coldStartFolderId, coldStartWorkflowId,
            coldStartExecution);
        if (COLD_START.equals(System.getProperty("bench.only"))) {
          return;
        }
      }

      List<RouteCount> counts = plan.run();
      requireEveryTemplateRoute(TENANCY_HANDLER, "RoutePlan", counts);
      printCalls("tenancy", counts);

      createAttachmentBucket();
      List<RouteCount> pmCounts = pmPlan.run(tenant, projectId);
      requireEveryTemplateRoute(PM_HANDLER, "PmRoutePlan", pmCounts);
      printCalls("pm", pmCounts);
      printDescribedTask(pmPlan.describedTask(tenant, projectId));

      AuditRoutePlan auditPlan = new AuditRoutePlan(env.appConfig(), new DynamoDbCallCounter(), meter);
      auditPlan.recordChanges(tenant, projectId);
      List<RouteCount> auditCounts = auditPlan.run(tenant, projectId);
      requireEveryTemplateRoute(AUDIT_HANDLER, "AuditRoutePlan", auditCounts);
      printCalls("audit", auditCounts);

      String memberId = plan.createMember(tenant);
      List<RouteCount> dmsCounts = dmsPlan.run(tenant, memberId);
      requireEveryTemplateRoute(DMS_HANDLER, "DmsRoutePlan", dmsCounts);
      printCalls("dms", dmsCounts);
      List<RouteCount> workflowsCounts = workflowsPlan.run(tenant);
      requireEveryTemplateRoute(WORKFLOWS_HANDLER, "WorkflowsRoutePlan", workflowsCounts);
      printCalls("workflows", workflowsCounts);
      // Commerce first: its monthly product is what the billing plan subscribes to.
      CommerceRoutePlan commercePlan = new CommerceRoutePlan(env.appConfig(), new DynamoDbCallCounter(), meter);
      List<RouteCount> commerceCounts = commercePlan.run(tenant);
      List<RouteCount> billingCounts = new BillingRoutePlan(env.appConfig(), new DynamoDbCallCounter(), meter)
          .run(tenant, commercePlan.monthlyProductId());
      requireEveryTemplateRoute(BILLING_HANDLER, "BillingRoutePlan", billingCounts);
      printCalls("billing", billingCounts);
      requireEveryTemplateRoute(COMMERCE_HANDLER, "CommerceRoutePlan", commerceCounts);
      printCalls("commerce", commerceCounts);
      List<RouteCount> contactsCounts = new ContactsRoutePlan(env.appConfig(), new DynamoDbCallCounter(), meter)
          .run(tenant);
      requireEveryTemplateRoute(CONTACTS_HANDLER, "ContactsRoutePlan", contactsCounts);
      printCalls("contacts", contactsCounts);
      dmsListScale(env, plan);

      if (!ROUTES.equals(System.getProperty("bench.only"))) {
        reportBench(env).run();
      }
    }

    notMeasured.forEach(line -> System.out.println("NOT MEASURED " + line));
    if (missed.isEmpty()) {
      System.out.println("All measured targets met.");
    } else {
      System.out.println("Targets MISSED (reported, not an error):");
      missed.forEach(line -> System.out.println("  MISSED " + line));
    }
  }

  /** The cold-start tables: every function with a driver, in fresh JVMs, next to the baseline. */
  private void coldStartTables(AwsTestEnvironment env, List<String> jvmFlags, RoutePlan.Tenant tenant,
      String coldStartTaskId, String coldStartFolderId, String coldStartWorkflowId, List<String> coldStartExecution)
      throws IOException, InterruptedException {
    Key tenantItem = TenancyKeys.tenant(new TenantId(tenant.id()));

    List<TemplateFunction> functions = functions();
    // The identity function makes the pool match a user's item: every run syncs this one user.
    String coldStartUserId = env.seedUser(tenant.id(), "member");
    List<ColdStartSubject> subjects = subjects(functions, tenant, tenantItem, coldStartTaskId, coldStartFolderId,
        coldStartWorkflowId, coldStartExecution, coldStartUserId);
    Map<String, String> environment = new HashMap<>(lambdaEnvironment(env.appConfig()));
    // EventBridge answers PutEvents once it has accepted the events and delivers to targets
    // afterwards; moto delivers to the environment's queue target inside the call, which makes it
    // about 100 ms instead of a few. The fresh JVMs publish to a bus of their own without rules,
    // so their PutEvents costs what accepting costs.
    String coldStartBus = env.busName() + "-cold-start";
    env.eventBridge().createEventBus(b -> b.name(coldStartBus));
    environment.put("EVENT_BUS_NAME", coldStartBus);
    environment.put("USER_POOL_ID", userPool(env));
    FreshJvm jvm = new FreshJvm(jvmFlags, environment);
    Map<String, List<Sample>> samples = coldStarts(jvm, subjects);
    printColdStarts(functions, subjects, samples);
    printMotoLatency(env, tenantItem, coldStartBus);
    env.eventBridge().deleteEventBus(b -> b.name(coldStartBus));
  }

  /** {@code BENCH_ONLY=compliance-report make bench}: the compliance report's memory figure alone. */
  private void runReportOnly() throws IOException, InterruptedException {
    Path handlerLog = root.resolve("bench/target/handler.log");
    Files.createDirectories(handlerLog.getParent());
    try (PrintStream log = new PrintStream(Files.newOutputStream(handlerLog), true, StandardCharsets.UTF_8);
        AwsTestEnvironment env = AwsTestEnvironment.create("bench-report")) {
      Log.redirect(log);
      createAttachmentBucket();
      reportBench(env).run();
    }
  }

  /** The report bench, run as the template runs the generator: its jar, flags and environment. */
  private ReportBench reportBench(AwsTestEnvironment env) {
    Object options = nested(template.document(), "Resources", "ComplianceReportFunction", "Properties",
        "Environment", "Variables", "JAVA_TOOL_OPTIONS");
    List<String> flags = options instanceof String text ? Arrays.asList(text.trim().split("\\s+")) : javaToolOptions();
    Object codeUri = nested(template.document(), "Resources", "ComplianceReportFunction", "Properties", "CodeUri");
    return new ReportBench(env, built(jars.resolve(String.valueOf(codeUri))),
        built(jars.resolve("bench/target/drivers.jar")), flags, lambdaEnvironment(env.appConfig()));
  }

  /** Every serverless function of the template, with the jar its CodeUri names. */
  private List<TemplateFunction> functions() {
    List<TemplateFunction> functions = new ArrayList<>();
    if (template.document().get("Resources") instanceof Map<?, ?> resources) {
      resources.forEach((logicalId, resource) -> {
        if (resource instanceof Map<?, ?> r && SERVERLESS_FUNCTION.equals(r.get("Type"))
            && r.get("Properties") instanceof Map<?, ?> properties) {
          String handler = String.valueOf(properties.get("Handler")).replaceFirst("::.*$", "");
          functions.add(new TemplateFunction(String.valueOf(logicalId), handler,
              jars.resolve(String.valueOf(properties.get("CodeUri"))), false));
        }
      });
    }
    if (functions.isEmpty()) {
      throw new IllegalStateException("template.yaml has no " + SERVERLESS_FUNCTION);
    }
    // Two functions may deploy one jar (tenancy.jar: TenancyFunction and TenancyEventsFunction;
    // pm.jar: PmFunction and PmEventsFunction). Their rows then carry the logical id too, so each
    // keeps its own samples: by jar name alone, the events function's row showed the HTTP one's.
    List<Path> deployed = functions.stream().map(TemplateFunction::jar).toList();
    return functions.stream().map(function -> new TemplateFunction(function.logicalId(), function.handler(),
        function.jar(), Collections.frequency(deployed, function.jar()) > 1)).toList();
  }

  /** The baseline, then each function that has a driver, run from the jar the template deploys. */
  private List<ColdStartSubject> subjects(List<TemplateFunction> functions, RoutePlan.Tenant tenant,
      Key tenantItem, String pmTaskId, String dmsFolderId, String workflowId, List<String> executionAndStep,
      String identityUserId) {
    Path baseline = built(jars.resolve("bench/target/baseline.jar"));
    Path drivers = built(jars.resolve("bench/target/drivers.jar"));
    Map<String, String> claims = new LinkedHashMap<>();
    tenant.owner().forEach((name, value) -> claims.put("bench.claim." + name, value));
    Map<String, String> pmProperties = new LinkedHashMap<>(claims);
    pmProperties.put("bench.task_id", pmTaskId);
    Map<String, String> dmsProperties = new LinkedHashMap<>(claims);
    dmsProperties.put("bench.folder_id", dmsFolderId);
    Map<String, String> workflowsProperties = new LinkedHashMap<>(claims);
    workflowsProperties.put("bench.workflow_id", workflowId);
    Map<String, Map<String, String>> driverProperties = Map.of(TENANCY_HANDLER, claims,
        IDENTITY_HANDLER, Map.of("bench.tenant_id", tenant.id(), "bench.user_id", identityUserId),
        PM_HANDLER, pmProperties,
        AUDIT_HANDLER, claims,
        DMS_HANDLER, dmsProperties,
        WORKFLOWS_HANDLER, workflowsProperties,
        BILLING_HANDLER, claims,
        COMMERCE_HANDLER, claims,
        CONTACTS_HANDLER, claims,
        WORKFLOW_EVENTS_HANDLER, Map.of("bench.tenant_id", tenant.id(), "bench.execution_id", executionAndStep.get(0),
            "bench.step_id", executionAndStep.get(1)));

    List<ColdStartSubject> subjects = new ArrayList<>();
    subjects.add(new ColdStartSubject(BASELINE, baseline, List.of(baseline), BASELINE_MAIN, Map.of(
        "bench.pk", tenantItem.partitionKeyValue().s(),
        "bench.sk", tenantItem.sortKeyValue().orElseThrow().s())));
    for (TemplateFunction function : functions) {
      String driver = DRIVERS.get(function.handler());
      if (driver != null) {
        subjects.add(new ColdStartSubject(function.name(), built(function.jar()), List.of(function.jar(), drivers),
            driver, driverProperties.getOrDefault(function.handler(), Map.of())));
      }
    }
    return subjects;
  }

  private static Path built(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (scripts/bench.sh runs mvn install)");
    }
    return jar;
  }

  /**
   * One unmeasured round first (it fills the page cache and moto's first-request paths), then
   * {@code runs} rounds; each round starts with a different subject, so none is always first
   * after another or always last.
   */
  private Map<String, List<Sample>> coldStarts(FreshJvm jvm, List<ColdStartSubject> subjects)
      throws IOException, InterruptedException {
    for (ColdStartSubject subject : subjects) {
      jvm.run(subject);
    }
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    subjects.forEach(subject -> samples.put(subject.name(), new ArrayList<>()));
    System.err.print("cold-start rounds:");
    for (int round = 0; round < runs; round++) {
      for (int i = 0; i < subjects.size(); i++) {
        ColdStartSubject subject = subjects.get((round + i) % subjects.size());
        samples.get(subject.name()).add(jvm.run(subject));
      }
      System.err.print(" " + (round + 1));
    }
    System.err.println();
    return samples;
  }

  private void printColdStarts(List<TemplateFunction> functions, List<ColdStartSubject> subjects,
      Map<String, List<Sample>> samples) throws IOException {
    List<Sample> baselineRuns = samples.get(BASELINE);
    double baselineWall = median(baselineRuns, Sample::wall);
    double baselineInJvm = median(baselineRuns, Sample::inJvm);
    // Jar size is a reported figure, not a target: speed is bought with laziness and priming, never
    // with hand-written replacements of the SDK's modules.
    System.out.printf(Locale.ROOT, "Cold start: time to first response, median of %d fresh JVMs each (ms)."
        + " Target: ratio <= %.2f. Jar sizes are reported, MB are 10^6 bytes.%n", runs, RATIO_TARGET);
    TextTable table = new TextTable("function", "jar bytes", "jar MB", "first response", "baseline", "ratio",
        "in-JVM", "baseline in-JVM", "in-JVM ratio", "ratio target");
    long baselineBytes = Files.size(subjects.get(0).jar());
    table.row(BASELINE, bytes(baselineBytes), mb(baselineBytes), ms(baselineWall), "-", "-", ms(baselineInJvm),
        "-", "-", "-");
    for (TemplateFunction function : functions) {
      if (!Files.isRegularFile(function.jar())) {
        notMeasured.add(function.logicalId() + ": " + function.jar() + " was not built");
        table.row(function.name(), "not built", "-", "-", "-", "-", "-", "-", "-", "-");
        continue;
      }
      long bytes = Files.size(function.jar());
      List<Sample> runs = samples.get(function.name());
      if (runs == null) {
        notMeasured.add(function.logicalId() + " cold start: no driver for " + function.handler() + " in bench");
        table.row(function.name(), bytes(bytes), mb(bytes), "no driver", "-", "-", "-", "-", "-", "-");
        continue;
      }
      double wall = median(runs, Sample::wall);
      double inJvm = median(runs, Sample::inJvm);
      double ratio = wall / baselineWall;
      table.row(function.name(), bytes(bytes), mb(bytes), ms(wall), ms(baselineWall), ratio(ratio), ms(inJvm),
          ms(baselineInJvm), ratio(inJvm / baselineInJvm),
          verdict(ratio <= RATIO_TARGET, function.name() + " cold-start ratio " + ratio(ratio) + " > "
              + ratio(RATIO_TARGET) + " (" + ms(wall) + " ms vs baseline " + ms(baselineWall) + " ms)"));
    }
    System.out.println(table.render());

    System.out.println("Where the time goes (medians, ms): JVM start to main, handler (or client) init, first"
        + " request; wall adds process creation and the JVM's own startup before its start time.");
    TextTable split = new TextTable("run", "JVM to main", "init", "first request", "in-JVM", "wall min",
        "wall median", "wall max", "classes loaded");
    for (ColdStartSubject subject : subjects) {
      List<Sample> runs = samples.get(subject.name());
      split.row(subject.name(), ms(median(runs, Sample::boot)), ms(median(runs, Sample::init)),
          ms(median(runs, Sample::request)), ms(median(runs, Sample::inJvm)),
          ms(runs.stream().mapToDouble(Sample::wall).min().orElseThrow()), ms(median(runs, Sample::wall)),
          ms(runs.stream().mapToDouble(Sample::wall).max().orElseThrow()),
          String.format(Locale.ROOT, "%,.0f", median(runs, Sample::classes)));
    }
    System.out.println(split.render());
  }

  /**
   * Moto's own time for the calls the first requests make, from this (warm) JVM: it is part of
   * every first response above and says nothing about Lambda, and PutEvents is far slower on moto
   * than GetItem.
   */
  private static void printMotoLatency(AwsTestEnvironment env, Key tenantItem, String coldStartBus) {
    Map<String, AttributeValue> key = Map.of("PK", tenantItem.partitionKeyValue(),
        "SK", tenantItem.sortKeyValue().orElseThrow());
    GetItemRequest get = GetItemRequest.builder().tableName(env.tableName()).key(key).build();
    PutEventsRequest put = PutEventsRequest.builder().entries(PutEventsRequestEntry.builder()
        .eventBusName(coldStartBus).source("coditect.bench").detailType("bench.latency").detail("{}").build())
        .build();
    double getItem = warmMedian(() -> env.dynamoDb().getItem(get));
    double putEvents = warmMedian(() -> env.eventBridge().putEvents(put));
    System.out.printf(Locale.ROOT, "Moto's latency, warm client, median of %d: GetItem %.1f ms, PutEvents %.1f ms"
        + " (the baseline's, tenancy's, pm's, dms's and workflows' first request make a GetItem, the publisher's a PutEvents, the identity function's a GetItem and an AdminGetUser, the workflows' events function's a Query and a GetItem).%n%n",
        LATENCY_CALLS, getItem, putEvents);
  }

  private static double warmMedian(Runnable call) {
    for (int i = 0; i < LATENCY_WARMUP; i++) {
      call.run();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < LATENCY_CALLS; i++) {
      long started = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - started) / 1e6);
    }
    return Sample.median(millis);
  }

  private void printCalls(String function, List<RouteCount> counts) {
    System.out.println("DynamoDB calls per route (" + function + "), one representative request each; targets: read"
        + " (GET) <= " + RouteCount.READ_TARGET + ", write <= " + RouteCount.WRITE_TARGET + ". Write units: what"
        + " DynamoDB would charge for the request's writes (each item's larger side per started KB, again for each"
        + " GSI it is in, twice inside a transaction; condition checks not counted).");
    TextTable table = new TextTable("route", "kind", "calls", "operations", "write units", "target", "result");
    for (RouteCount count : counts) {
      table.row(count.routeKey(), count.isRead() ? "read" : "write", count.calls(),
          count.operations().isEmpty() ? "-" : String.join(" + ", count.operations()),
          count.writeUnits() == 0 ? "-" : count.writeUnits(), "<= " + count.target(),
          verdict(count.meetsTarget(), count.routeKey() + " makes " + count.calls() + " DynamoDB calls > "
              + count.target()));
    }
    System.out.println(table.render());
  }

  /**
   * The scale figure: a tenant of {@value DmsListScale#DOCUMENTS} documents, whose lists are
   * paged through as its owner and as a member with grants on some folders; a page that costs more
   * than one Query and one BatchGetItem, or a full list that misses documents, is MISSED.
   */
  private void dmsListScale(AwsTestEnvironment env, RoutePlan plan) {
    RoutePlan.Tenant tenant = plan.createTenant("Bench DMS Scale");
    String memberId = plan.createMember(tenant);
    DynamoDbCallCounter counter = new DynamoDbCallCounter();
    DmsListScale scale = new DmsListScale(DaggerTestDmsComponent.factory()
        .create(env.appConfig(), TestInterceptors.of(counter)).handler(), counter, env);
    DmsListScale.Seeding seeding = scale.seed(tenant, memberId);
    List<DmsListScale.Walk> walks = scale.walks(tenant, HttpEvents.claims(memberId, tenant.id(), "member"));
    System.out.printf(Locale.ROOT, "DMS lists at scale: one tenant, %,d documents in %d folders (the children of %d"
        + " top-level folders, %d each); the member was granted view on %d tops before their children were made,"
        + " so on %d folders. Folders and grants through the routes (%d requests, %.1f s); documents written as"
        + " stored (item and list rows, %,d items) with BatchWriteItem (%,d calls, %.1f s). Target: every page is"
        + " 1 Query + at most 1 BatchGetItem; lists read to their end find every document the caller may see.%n",
        DmsListScale.DOCUMENTS, DmsListScale.FOLDERS, DmsListScale.TOPS, DmsListScale.CHILDREN,
        DmsListScale.GRANTED_TOPS, DmsListScale.GRANTED_TOPS * DmsListScale.CHILDREN, seeding.folderRequests(),
        seeding.folderMillis() / 1000.0, seeding.documentItems(), seeding.batchCalls(), seeding.documentMillis() / 1000.0);
    TextTable table = new TextTable("list", "caller", "pages", "items", "expected", "items per page",
        "calls per page (max)", "operations per page", "result");
    for (DmsListScale.Walk walk : walks) {
      table.row(walk.list(), walk.caller(), walk.pages(), walk.documents(),
          walk.expected() < 0 ? "-" : walk.expected(),
          String.join(" ", walk.perPage().stream().map(String::valueOf).toList()), walk.mostCalls(),
          walk.operationKinds(), verdict(walk.ok(), "DMS list " + walk.list() + " as " + walk.caller() + ": pages "
              + walk.operations() + ", " + walk.documents() + " items (expected "
              + (walk.expected() < 0 ? "any" : walk.expected()) + ")"));
    }
    System.out.println(table.render());
  }

  /** The write units of changing a task with a long description, against a fifth of what they were. */
  private void printDescribedTask(List<PmRoutePlan.DescribedChange> changes) {
    System.out.println("Write units of PATCH /v1/tasks/{task_id} on a task with a " + String.format(Locale.ROOT, "%,d",
        PmRoutePlan.DESCRIBED_TASK_CHARS) + "-character description (assigned, due, in a sprint and a milestone,"
        + " under a parent, two tags); target: at most a fifth of the units before list rows were lean.");
    TextTable table = new TextTable("change", "write units", "before", "target", "result");
    for (PmRoutePlan.DescribedChange change : changes) {
      long target = change.unitsBefore() / 5;
      table.row(change.name(), change.units(), change.unitsBefore(), "<= " + target,
          verdict(change.units() <= target, "PATCH of a described task (" + change.name() + ") costs "
              + change.units() + " write units > " + target));
    }
    System.out.println(table.render());
  }

  /**
   * A route added to the template without a request in {@code plan} (the class that sends the
   * handler's requests) must fail the bench, not go uncounted.
   */
  private void requireEveryTemplateRoute(String handler, String plan, List<RouteCount> counts) {
    Set<String> inTemplate = new LinkedHashSet<>();
    for (TemplateRoute route : template.routesOf(handler)) {
      inTemplate.add(route.routeKey());
    }
    Set<String> measured = new LinkedHashSet<>();
    counts.forEach(count -> measured.add(count.routeKey()));
    Set<String> notSent = new LinkedHashSet<>(inTemplate);
    notSent.removeAll(measured);
    Set<String> notInTemplate = new LinkedHashSet<>(measured);
    notInTemplate.removeAll(inTemplate);
    if (!notSent.isEmpty() || !notInTemplate.isEmpty()) {
      throw new IllegalStateException(plan + " and template.yaml disagree: no request for " + notSent
          + "; requests for routes not in the template: " + notInTemplate);
    }
  }

  private String verdict(boolean met, String missedLine) {
    if (met) {
      return "ok";
    }
    if (!missed.contains(missedLine)) {
      missed.add(missedLine);
    }
    return "MISSED";
  }

  /** The template's JAVA_TOOL_OPTIONS for every function, as JVM flags. */
  private List<String> javaToolOptions() {
    Object value = nested(template.document(), "Globals", "Function", "Environment", "Variables",
        "JAVA_TOOL_OPTIONS");
    if (!(value instanceof String options) || options.isBlank()) {
      throw new IllegalStateException("template.yaml has no plain JAVA_TOOL_OPTIONS in Globals: " + value);
    }
    return Arrays.asList(options.trim().split("\\s+"));
  }

  private static Object nested(Map<String, Object> map, String... path) {
    Object value = map;
    for (String key : path) {
      value = value instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return value;
  }

  /** A user pool on moto for the identity function, with the claims the template declares. */
  private static String userPool(AwsTestEnvironment env) {
    CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
        .region(Region.of(env.appConfig().region()))
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(env.appConfig().awsEndpoint().orElseThrow())
        .build();
    List<SchemaAttributeType> claims = new ArrayList<>();
    for (String name : new String[] {"tenant_id", "role", "platform_admin", "user_id"}) {
      claims.add(SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING)
          .mutable(true).build());
    }
    return cognito.createUserPool(r -> r.poolName("bench-users").aliasAttributes(AliasAttributeType.EMAIL)
        .schema(claims)).userPool().id();
  }

  /**
   * The documents bucket on moto, which the PM routes' attachments are uploaded to and read from.
   * Already there is fine: a moto passed in with -Dmoto.endpoint may have it from an earlier run.
   */
  private static void createAttachmentBucket() {
    AwsTestEnvironment.documentsBucket().close();
  }

  /**
   * What Lambda would put in a SnapStart function's environment, pointing at this run's slice of
   * moto: no access keys, a container-credentials endpoint (this process's) instead.
   */
  private static Map<String, String> lambdaEnvironment(AppConfig config) {
    Map<String, String> env = new HashMap<>(ContainerCredentialsEndpoint.installForThisJvm().lambdaEnvironment());
    env.put("AWS_REGION", config.region());
    env.put("TABLE_NAME", config.tableName());
    env.put("BUCKET_NAME", config.bucketName());
    env.put("EVENT_BUS_NAME", config.eventBusName());
    env.put("CURSOR_KEY_SECRET_ARN", config.cursorKeySecret());
    env.put("AWS_ENDPOINT_URL", config.awsEndpoint().orElseThrow().toString());
    // The billing function's Stripe keys, in moto's Secrets Manager, and the stripe-mock bench.sh started.
    StripeConfig stripe = StripeMock.config();
    env.put("STRIPE_SECRET_ARN", stripe.apiKeySecret());
    env.put("STRIPE_WEBHOOK_SECRET_ARN", stripe.webhookSecret());
    env.put("STRIPE_API_BASE", stripe.apiBase().orElseThrow().toString());
    // The commerce function's token issuer (its cart routes verify a token themselves).
    TokenConfig tokens = TestTokens.config();
    env.put("TOKEN_ISSUER", tokens.issuer());
    env.put("TOKEN_AUDIENCE", tokens.audience());
    env.put("TOKEN_JWKS_URL", tokens.jwksUrl().toString());
    // The contacts function's sender of e-mail codes (its SES identity).
    env.put("VERIFICATION_EMAIL_FROM", ContactsRoutePlan.SENDER);
    return env;
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> metric) {
    return Sample.median(samples.stream().map(metric::applyAsDouble).toList());
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String bytes(long bytes) {
    return String.format(Locale.ROOT, "%,d", bytes);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.2f", bytes / 1e6);
  }

  /**
   * A serverless function of the template: its logical id, handler class and deployed jar, and
   * whether another function deploys the same jar.
   */
  private record TemplateFunction(String logicalId, String handler, Path jar, boolean sharedJar) {
    /**
     * The jar's name without {@code .jar}, e.g. {@code tenancy}; for a shared jar followed by the
     * logical id, e.g. {@code pm (PmEventsFunction)}.
     */
    String name() {
      String jarName = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      return sharedJar ? jarName + " (" + logicalId + ")" : jarName;
    }
  }
}
