package com.coditect.local;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.StreamFollower;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateRoute;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local API on a running moto: creates what the template declares, configures and loads every
 * function, and starts the gateway, the event pump and the schedules. {@code make run} and the
 * end-to-end tests both start it; closing it stops all of it.
 */
public final class LocalApi implements AutoCloseable {

  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private final DevTokens tokens = new DevTokens();
  private final RuleDispatcher rules;
  private final String baseUrl;
  private final int routeCount;
  private final int ruleCount;
  private final int scheduleCount;

  private LocalApi(LocalSettings settings, URI moto, String cursorSigningKey) throws IOException {
    CloudTemplate template = CloudTemplate.load(settings.template());
    SdkHttpClient http = UrlConnectionHttpClient.create();
    DynamoDbClient dynamoDb = client(DynamoDbClient.builder().httpClient(http), settings, moto);
    EventBridgeClient events = client(EventBridgeClient.builder().httpClient(http), settings, moto);
    S3Client s3 = client(S3Client.builder().httpClient(http).forcePathStyle(true), settings, moto);
    DynamoDbStreamsClient streams = client(DynamoDbStreamsClient.builder().httpClient(http), settings, moto);
    CognitoIdentityProviderClient cognito = client(CognitoIdentityProviderClient.builder().httpClient(http), settings,
        moto);
    String userPoolId = LocalResources.create(template, settings, dynamoDb, s3, events, cognito);
    configureFunctions(settings, moto, cursorSigningKey, userPoolId);

    List<TemplateRoute> routes = template.routes();
    TemplateRules rules = new TemplateRules(template);
    FunctionRegistry functions = new FunctionRegistry();
    routes.stream().map(TemplateRoute::handler).distinct().forEach(functions::warm);
    rules.eventRules().stream().map(TemplateRules.EventRule::handler).distinct().forEach(functions::warm);
    RuleDispatcher dispatcher = new RuleDispatcher(rules.eventRules(), functions, settings.region());
    Schedules schedules = new Schedules(rules.schedules(), functions, settings.region());

    SignInTrigger signIns = SignInTrigger.fromTemplate(template, functions, settings.region(), userPoolId);
    signIns.warm();

    LocalGateway gateway = new LocalGateway(settings.gatewayPort(), new RouteTable(routes), tokens, signIns,
        functions, schedules);
    gateway.start();
    started.add(gateway);
    EventPump pump = new EventPump(new StreamFollower(dynamoDb, streams,
        new OutboxPublisher(events, settings.busName()), settings.tableName(), dispatcher::dispatch), dispatcher);
    pump.start();
    started.add(pump);
    schedules.start();
    started.add(schedules);
    this.rules = dispatcher;
    this.baseUrl = "http://127.0.0.1:" + settings.gatewayPort();
    this.routeCount = routes.size();
    this.ruleCount = rules.eventRules().size();
    this.scheduleCount = schedules.size();
  }

  /** Starts the local API against moto at {@code moto}; the gateway listens on the settings' port. */
  public static LocalApi start(LocalSettings settings, URI moto, String cursorSigningKey) throws IOException {
    return new LocalApi(settings, moto, cursorSigningKey);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Mints a dev token as {@code POST /local/token} does, but without the sign-in trigger: for
   * tests that need tokens without {@code user.login} events in the audit log.
   */
  public String token(String userId, String tenantId, String role, boolean platformAdmin) {
    return tokens.issue(userId, tenantId, role, platformAdmin);
  }

  DevTokens tokens() {
    return tokens;
  }

  /** The template's event rules as this API delivers them (for the end-to-end tests' rule check). */
  RuleDispatcher rules() {
    return rules;
  }

  String summary() {
    return routeCount + " routes, " + ruleCount + " event rules, " + scheduleCount + " schedules";
  }

  @Override
  public void close() {
    List<AutoCloseable> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    for (AutoCloseable closeable : reverse) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // stopping: nothing left to report
      }
    }
  }

  /**
   * Gives every function the configuration Lambda would: the names of the table, bus, bucket and
   * user pool, with moto as the endpoint. All functions share this JVM, so these are system properties.
   */
  private static void configureFunctions(LocalSettings settings, URI moto, String cursorSigningKey,
      String userPoolId) {
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "TABLE_NAME", settings.tableName());
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "EVENT_BUS_NAME", settings.busName());
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "BUCKET_NAME", settings.bucketName());
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "AWS_REGION", settings.region());
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "AWS_ENDPOINT_URL", moto.toString());
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "CURSOR_SIGNING_KEY", cursorSigningKey);
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "USER_POOL_ID", userPoolId);
    // The audit pseudonyms' key is a secret in AWS; locally a random one per run.
    byte[] auditKey = new byte[32];
    new SecureRandom().nextBytes(auditKey);
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "AUDIT_PSEUDONYM_KEY", HexFormat.of().formatHex(auditKey));
  }

  private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, LocalSettings settings, URI moto) {
    return builder.region(Region.of(settings.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(moto)
        .build();
  }
}
